window.TK_DATA.add("finder/udbyder-vaerkstedet", [1,2]);
