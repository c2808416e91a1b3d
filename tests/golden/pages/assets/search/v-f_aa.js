window.TK_DATA.add("search/v-f_aa", {"terms":{},"words":{"får":["får",[],[],[2]]}});
