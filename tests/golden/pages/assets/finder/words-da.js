window.FINDER.add("words-da", {"dage":[2]});
