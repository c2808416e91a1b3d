window.FINDER.add("words-st", {"stjerner":[2]});
