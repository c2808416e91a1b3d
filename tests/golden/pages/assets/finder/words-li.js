window.FINDER.add("words-li", {"link":[2],"liste":[2]});
