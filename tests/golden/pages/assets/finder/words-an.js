window.FINDER.add("words-an", {"angst":[1,2]});
