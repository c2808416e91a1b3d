window.FINDER.add("words-al", {"alert":[2]});
