window.FINDER.add("words-k", {"kommune":[0],"kommunen":[0],"kun":[2]});
