window.FINDER.add("words-h", {"hjælper":[0]});
