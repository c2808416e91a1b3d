window.FINDER.add("words-l", {"let":[2],"link":[2],"liste":[2]});
