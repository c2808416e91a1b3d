window.TK_DATA.add("finder/metode-sft", [0,2]);
