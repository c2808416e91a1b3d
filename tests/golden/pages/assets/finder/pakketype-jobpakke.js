window.FINDER.add("pakketype-jobpakke", [1]);
