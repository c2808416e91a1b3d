window.FINDER.add("words-fi", {"finder":[1]});
