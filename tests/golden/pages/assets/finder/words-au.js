window.FINDER.add("words-au", {"autisme":[2]});
