window.TK_DATA.add("finder/pakketype-jobpakke", [1]);
