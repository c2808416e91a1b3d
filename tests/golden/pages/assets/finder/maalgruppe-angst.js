window.FINDER.add("maalgruppe-angst", [1,2]);
