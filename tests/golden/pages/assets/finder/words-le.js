window.FINDER.add("words-le", {"let":[2]});
