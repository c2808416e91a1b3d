window.FINDER.add("words-ko", {"kommune":[0],"kommunen":[0]});
