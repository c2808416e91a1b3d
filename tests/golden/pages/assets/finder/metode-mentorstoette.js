window.TK_DATA.add("finder/metode-mentorstoette", [2]);
