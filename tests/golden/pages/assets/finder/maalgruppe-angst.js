window.TK_DATA.add("finder/maalgruppe-angst", [1,2]);
