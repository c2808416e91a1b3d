window.FINDER.add("words-aa", {"aarhus":[0]});
