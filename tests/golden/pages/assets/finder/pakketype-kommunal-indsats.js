window.FINDER.add("pakketype-kommunal-indsats", [0]);
