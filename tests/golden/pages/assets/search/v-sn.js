window.TK_DATA.add("search/v-sn", {"terms":{},"words":{"snusepraktik":["snusepraktik",[],[],[2]]}});
