window.TK_DATA.add("finder/pakketype-kommunal-indsats", [0]);
