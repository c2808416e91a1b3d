window.FINDER.add("words-og", {"og":[2]});
