window.FINDER.add("words-i", {"ikke":[2]});
