window.TK_DATA.add("search/v-m_aa", {"terms":{},"words":{"mål":["mål",[],[],[5]]}});
