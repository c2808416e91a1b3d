window.FINDER.add("words-sn", {"snusepraktik":[2]});
