window.TK_DATA.add("finder/maalgruppe-autisme", [2]);
