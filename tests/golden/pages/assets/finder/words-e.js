window.FINDER.add("words-e", {"en":[2],"et":[2]});
