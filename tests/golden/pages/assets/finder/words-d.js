window.FINDER.add("words-d", {"dage":[2]});
