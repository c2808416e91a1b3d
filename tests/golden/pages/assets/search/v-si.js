window.TK_DATA.add("search/v-si", {"terms":{},"words":{"situation":["situationer",[],[],[6]]}});
