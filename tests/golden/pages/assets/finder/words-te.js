window.FINDER.add("words-te", {"tekst":[2]});
