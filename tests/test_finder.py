"""The finder's data: its word lists find exactly what the full text finds, in less space."""

from hypothesis import given
from hypothesis import strategies as st

from generator.finder import searchable

TEXT = st.text(alphabet=st.sampled_from("abæø -\n"), max_size=60)


@given(TEXT, st.text(alphabet=st.sampled_from("abæø-\n"), min_size=1, max_size=4))
def test_a_typed_word_matches_the_words_exactly_when_it_matches_the_text(text, typed):
    # finder.js splits what is typed on whitespace, so a typed word never holds a space.
    assert (typed in searchable(text)) == (typed in text)


def test_repeated_words_and_words_inside_longer_ones_are_left_out():
    assert searchable("angst og angstlidelse og mentor og angst") == "og angstlidelse mentor"
