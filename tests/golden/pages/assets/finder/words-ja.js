window.FINDER.add("words-ja", {"javascript":[2]});
