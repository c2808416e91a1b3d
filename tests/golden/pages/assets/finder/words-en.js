window.FINDER.add("words-en", {"en":[2]});
