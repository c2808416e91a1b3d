window.FINDER.add("words-ku", {"kun":[2]});
