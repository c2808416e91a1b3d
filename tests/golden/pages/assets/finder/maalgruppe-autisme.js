window.FINDER.add("maalgruppe-autisme", [2]);
