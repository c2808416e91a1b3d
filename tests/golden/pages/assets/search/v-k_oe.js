window.TK_DATA.add("search/v-k_oe", {"terms":{},"words":{"københavn":["københavn",[],[],[2]]}});
