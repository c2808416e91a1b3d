window.TK_DATA.add("search/v-ug", {"terms":{},"words":{"ugent":["ugentlige",[],[],[5]],"uger":["uger",[],[],[2]]}});
