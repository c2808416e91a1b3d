window.TK_DATA.add("finder/udbyder-aarhus-kommune", [0]);
