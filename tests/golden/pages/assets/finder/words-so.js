window.FINDER.add("words-so", {"social":[0,2]});
