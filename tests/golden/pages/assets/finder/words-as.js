window.FINDER.add("words-as", {"asf":[2],"asperger":[2]});
