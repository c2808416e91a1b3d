window.FINDER.add("facet-maalgruppe", {"angst":[1,2],"autisme":[2]});
