window.FINDER.add("words-faa", {"får":[2]});
