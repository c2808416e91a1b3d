window.FINDER.add("words-ik", {"ikke":[2]});
