window.FINDER.add("words-o", {"og":[2]});
