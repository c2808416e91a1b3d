window.FINDER.add("words-au", {"autisme":[2],"autist":[2]});
