window.FINDER.add("words-et", {"et":[2]});
