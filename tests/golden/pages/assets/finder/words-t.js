window.FINDER.add("words-t", {"tekst":[2]});
