window.FINDER.add("words-hj", {"hjælper":[0]});
