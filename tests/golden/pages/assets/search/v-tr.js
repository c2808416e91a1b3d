window.TK_DATA.add("search/v-tr", {"terms":{},"words":{"træning":["træning",[],[],[6]]}});
