window.FINDER.add("words-a", {"aarhus":[0],"alert":[2],"angst":[1,2],"asf":[2],"asperger":[2],"autisme":[2]});
