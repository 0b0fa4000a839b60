var Fo=Object.defineProperty;var qo=Object.getOwnPropertyDescriptor;var y=(n,e,t,r)=>{for(var s=r>1?void 0:r?qo(e,t):e,i=n.length-1,a;i>=0;i--)(a=n[i])&&(s=(r?a(e,t,s):a(s))||s);return r&&s&&Fo(e,t,s),s};var nr=globalThis,sr=nr.ShadowRoot&&(nr.ShadyCSS===void 0||nr.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ln=Symbol(),ws=new WeakMap,St=class{constructor(e,t,r){if(this._$cssResult$=!0,r!==ln)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(sr&&e===void 0){let r=t!==void 0&&t.length===1;r&&(e=ws.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),r&&ws.set(t,e))}return e}toString(){return this.cssText}},xs=n=>new St(typeof n=="string"?n:n+"",void 0,ln),cn=(n,...e)=>{let t=n.length===1?n[0]:e.reduce((r,s,i)=>r+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(s)+n[i+1],n[0]);return new St(t,n,ln)},As=(n,e)=>{if(sr)n.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let r=document.createElement("style"),s=nr.litNonce;s!==void 0&&r.setAttribute("nonce",s),r.textContent=t.cssText,n.appendChild(r)}},un=sr?n=>n:n=>n instanceof CSSStyleSheet?(e=>{let t="";for(let r of e.cssRules)t+=r.cssText;return xs(t)})(n):n;var{is:Bo,defineProperty:Wo,getOwnPropertyDescriptor:Go,getOwnPropertyNames:Vo,getOwnPropertySymbols:Yo,getPrototypeOf:Ko}=Object,ir=globalThis,_s=ir.trustedTypes,Zo=_s?_s.emptyScript:"",Xo=ir.reactiveElementPolyfillSupport,Rt=(n,e)=>n,Ct={toAttribute(n,e){switch(e){case Boolean:n=n?Zo:null;break;case Object:case Array:n=n==null?n:JSON.stringify(n)}return n},fromAttribute(n,e){let t=n;switch(e){case Boolean:t=n!==null;break;case Number:t=n===null?null:Number(n);break;case Object:case Array:try{t=JSON.parse(n)}catch{t=null}}return t}},or=(n,e)=>!Bo(n,e),Ts={attribute:!0,type:String,converter:Ct,reflect:!1,useDefault:!1,hasChanged:or};Symbol.metadata??=Symbol("metadata"),ir.litPropertyMetadata??=new WeakMap;var Se=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Ts){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let r=Symbol(),s=this.getPropertyDescriptor(e,r,t);s!==void 0&&Wo(this.prototype,e,s)}}static getPropertyDescriptor(e,t,r){let{get:s,set:i}=Go(this.prototype,e)??{get(){return this[t]},set(a){this[t]=a}};return{get:s,set(a){let l=s?.call(this);i?.call(this,a),this.requestUpdate(e,l,r)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Ts}static _$Ei(){if(this.hasOwnProperty(Rt("elementProperties")))return;let e=Ko(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Rt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Rt("properties"))){let t=this.properties,r=[...Vo(t),...Yo(t)];for(let s of r)this.createProperty(s,t[s])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[r,s]of t)this.elementProperties.set(r,s)}this._$Eh=new Map;for(let[t,r]of this.elementProperties){let s=this._$Eu(t,r);s!==void 0&&this._$Eh.set(s,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let r=new Set(e.flat(1/0).reverse());for(let s of r)t.unshift(un(s))}else e!==void 0&&t.push(un(e));return t}static _$Eu(e,t){let r=t.attribute;return r===!1?void 0:typeof r=="string"?r:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let r of t.keys())this.hasOwnProperty(r)&&(e.set(r,this[r]),delete this[r]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return As(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,r){this._$AK(e,r)}_$ET(e,t){let r=this.constructor.elementProperties.get(e),s=this.constructor._$Eu(e,r);if(s!==void 0&&r.reflect===!0){let i=(r.converter?.toAttribute!==void 0?r.converter:Ct).toAttribute(t,r.type);this._$Em=e,i==null?this.removeAttribute(s):this.setAttribute(s,i),this._$Em=null}}_$AK(e,t){let r=this.constructor,s=r._$Eh.get(e);if(s!==void 0&&this._$Em!==s){let i=r.getPropertyOptions(s),a=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:Ct;this._$Em=s;let l=a.fromAttribute(t,i.type);this[s]=l??this._$Ej?.get(s)??l,this._$Em=null}}requestUpdate(e,t,r,s=!1,i){if(e!==void 0){let a=this.constructor;if(s===!1&&(i=this[e]),r??=a.getPropertyOptions(e),!((r.hasChanged??or)(i,t)||r.useDefault&&r.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,r))))return;this.C(e,t,r)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:r,reflect:s,wrapped:i},a){r&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),i!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||r||(t=void 0),this._$AL.set(e,t)),s===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[s,i]of this._$Ep)this[s]=i;this._$Ep=void 0}let r=this.constructor.elementProperties;if(r.size>0)for(let[s,i]of r){let{wrapped:a}=i,l=this[s];a!==!0||this._$AL.has(s)||l===void 0||this.C(s,void 0,i,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(r=>r.hostUpdate?.()),this.update(t)):this._$EM()}catch(r){throw e=!1,this._$EM(),r}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};Se.elementStyles=[],Se.shadowRootOptions={mode:"open"},Se[Rt("elementProperties")]=new Map,Se[Rt("finalized")]=new Map,Xo?.({ReactiveElement:Se}),(ir.reactiveElementVersions??=[]).push("2.1.2");var pn=globalThis,Es=n=>n,ar=pn.trustedTypes,Ss=ar?ar.createPolicy("lit-html",{createHTML:n=>n}):void 0,dn="$lit$",Re=`lit$${Math.random().toFixed(9).slice(2)}$`,fn="?"+Re,Qo=`<${fn}>`,Qe=document,Ot=()=>Qe.createComment(""),Pt=n=>n===null||typeof n!="object"&&typeof n!="function",gn=Array.isArray,Ls=n=>gn(n)||typeof n?.[Symbol.iterator]=="function",hn=`[ 	
\f\r]`,It=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Rs=/-->/g,Cs=/>/g,Ze=RegExp(`>|${hn}(?:([^\\s"'>=/]+)(${hn}*=${hn}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Is=/'/g,Os=/"/g,Ds=/^(?:script|style|textarea|title)$/i,mn=n=>(e,...t)=>({_$litType$:n,strings:e,values:t}),k=mn(1),uc=mn(2),hc=mn(3),de=Symbol.for("lit-noChange"),$=Symbol.for("lit-nothing"),Ps=new WeakMap,Xe=Qe.createTreeWalker(Qe,129);function Ns(n,e){if(!gn(n)||!n.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ss!==void 0?Ss.createHTML(e):e}var Ms=(n,e)=>{let t=n.length-1,r=[],s,i=e===2?"<svg>":e===3?"<math>":"",a=It;for(let l=0;l<t;l++){let c=n[l],m,h,d=-1,g=0;for(;g<c.length&&(a.lastIndex=g,h=a.exec(c),h!==null);)g=a.lastIndex,a===It?h[1]==="!--"?a=Rs:h[1]!==void 0?a=Cs:h[2]!==void 0?(Ds.test(h[2])&&(s=RegExp("</"+h[2],"g")),a=Ze):h[3]!==void 0&&(a=Ze):a===Ze?h[0]===">"?(a=s??It,d=-1):h[1]===void 0?d=-2:(d=a.lastIndex-h[2].length,m=h[1],a=h[3]===void 0?Ze:h[3]==='"'?Os:Is):a===Os||a===Is?a=Ze:a===Rs||a===Cs?a=It:(a=Ze,s=void 0);let v=a===Ze&&n[l+1].startsWith("/>")?" ":"";i+=a===It?c+Qo:d>=0?(r.push(m),c.slice(0,d)+dn+c.slice(d)+Re+v):c+Re+(d===-2?l:v)}return[Ns(n,i+(n[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),r]},Lt=class n{constructor({strings:e,_$litType$:t},r){let s;this.parts=[];let i=0,a=0,l=e.length-1,c=this.parts,[m,h]=Ms(e,t);if(this.el=n.createElement(m,r),Xe.currentNode=this.el.content,t===2||t===3){let d=this.el.content.firstChild;d.replaceWith(...d.childNodes)}for(;(s=Xe.nextNode())!==null&&c.length<l;){if(s.nodeType===1){if(s.hasAttributes())for(let d of s.getAttributeNames())if(d.endsWith(dn)){let g=h[a++],v=s.getAttribute(d).split(Re),x=/([.?@])?(.*)/.exec(g);c.push({type:1,index:i,name:x[2],strings:v,ctor:x[1]==="."?cr:x[1]==="?"?ur:x[1]==="@"?hr:et}),s.removeAttribute(d)}else d.startsWith(Re)&&(c.push({type:6,index:i}),s.removeAttribute(d));if(Ds.test(s.tagName)){let d=s.textContent.split(Re),g=d.length-1;if(g>0){s.textContent=ar?ar.emptyScript:"";for(let v=0;v<g;v++)s.append(d[v],Ot()),Xe.nextNode(),c.push({type:2,index:++i});s.append(d[g],Ot())}}}else if(s.nodeType===8)if(s.data===fn)c.push({type:2,index:i});else{let d=-1;for(;(d=s.data.indexOf(Re,d+1))!==-1;)c.push({type:7,index:i}),d+=Re.length-1}i++}}static createElement(e,t){let r=Qe.createElement("template");return r.innerHTML=e,r}};function Je(n,e,t=n,r){if(e===de)return e;let s=r!==void 0?t._$Co?.[r]:t._$Cl,i=Pt(e)?void 0:e._$litDirective$;return s?.constructor!==i&&(s?._$AO?.(!1),i===void 0?s=void 0:(s=new i(n),s._$AT(n,t,r)),r!==void 0?(t._$Co??=[])[r]=s:t._$Cl=s),s!==void 0&&(e=Je(n,s._$AS(n,e.values),s,r)),e}var lr=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:r}=this._$AD,s=(e?.creationScope??Qe).importNode(t,!0);Xe.currentNode=s;let i=Xe.nextNode(),a=0,l=0,c=r[0];for(;c!==void 0;){if(a===c.index){let m;c.type===2?m=new mt(i,i.nextSibling,this,e):c.type===1?m=new c.ctor(i,c.name,c.strings,this,e):c.type===6&&(m=new pr(i,this,e)),this._$AV.push(m),c=r[++l]}a!==c?.index&&(i=Xe.nextNode(),a++)}return Xe.currentNode=Qe,s}p(e){let t=0;for(let r of this._$AV)r!==void 0&&(r.strings!==void 0?(r._$AI(e,r,t),t+=r.strings.length-2):r._$AI(e[t])),t++}},mt=class n{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,r,s){this.type=2,this._$AH=$,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=r,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=Je(this,e,t),Pt(e)?e===$||e==null||e===""?(this._$AH!==$&&this._$AR(),this._$AH=$):e!==this._$AH&&e!==de&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Ls(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==$&&Pt(this._$AH)?this._$AA.nextSibling.data=e:this.T(Qe.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:r}=e,s=typeof r=="number"?this._$AC(e):(r.el===void 0&&(r.el=Lt.createElement(Ns(r.h,r.h[0]),this.options)),r);if(this._$AH?._$AD===s)this._$AH.p(t);else{let i=new lr(s,this),a=i.u(this.options);i.p(t),this.T(a),this._$AH=i}}_$AC(e){let t=Ps.get(e.strings);return t===void 0&&Ps.set(e.strings,t=new Lt(e)),t}k(e){gn(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,r,s=0;for(let i of e)s===t.length?t.push(r=new n(this.O(Ot()),this.O(Ot()),this,this.options)):r=t[s],r._$AI(i),s++;s<t.length&&(this._$AR(r&&r._$AB.nextSibling,s),t.length=s)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let r=Es(e).nextSibling;Es(e).remove(),e=r}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},et=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,r,s,i){this.type=1,this._$AH=$,this._$AN=void 0,this.element=e,this.name=t,this._$AM=s,this.options=i,r.length>2||r[0]!==""||r[1]!==""?(this._$AH=Array(r.length-1).fill(new String),this.strings=r):this._$AH=$}_$AI(e,t=this,r,s){let i=this.strings,a=!1;if(i===void 0)e=Je(this,e,t,0),a=!Pt(e)||e!==this._$AH&&e!==de,a&&(this._$AH=e);else{let l=e,c,m;for(e=i[0],c=0;c<i.length-1;c++)m=Je(this,l[r+c],t,c),m===de&&(m=this._$AH[c]),a||=!Pt(m)||m!==this._$AH[c],m===$?e=$:e!==$&&(e+=(m??"")+i[c+1]),this._$AH[c]=m}a&&!s&&this.j(e)}j(e){e===$?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},cr=class extends et{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===$?void 0:e}},ur=class extends et{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==$)}},hr=class extends et{constructor(e,t,r,s,i){super(e,t,r,s,i),this.type=5}_$AI(e,t=this){if((e=Je(this,e,t,0)??$)===de)return;let r=this._$AH,s=e===$&&r!==$||e.capture!==r.capture||e.once!==r.once||e.passive!==r.passive,i=e!==$&&(r===$||s);s&&this.element.removeEventListener(this.name,this,r),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},pr=class{constructor(e,t,r){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=r}get _$AU(){return this._$AM._$AU}_$AI(e){Je(this,e)}},Us={M:dn,P:Re,A:fn,C:1,L:Ms,R:lr,D:Ls,V:Je,I:mt,H:et,N:ur,U:hr,B:cr,F:pr},Jo=pn.litHtmlPolyfillSupport;Jo?.(Lt,mt),(pn.litHtmlVersions??=[]).push("3.3.3");var zs=(n,e,t)=>{let r=t?.renderBefore??e,s=r._$litPart$;if(s===void 0){let i=t?.renderBefore??null;r._$litPart$=s=new mt(e.insertBefore(Ot(),i),i,void 0,t??{})}return s._$AI(n),s};var bn=globalThis,Q=class extends Se{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=zs(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return de}};Q._$litElement$=!0,Q.finalized=!0,bn.litElementHydrateSupport?.({LitElement:Q});var ea=bn.litElementPolyfillSupport;ea?.({LitElement:Q});(bn.litElementVersions??=[]).push("4.2.2");var we=n=>(e,t)=>{t!==void 0?t.addInitializer(()=>{customElements.define(n,e)}):customElements.define(n,e)};var ta={attribute:!0,type:String,converter:Ct,reflect:!1,hasChanged:or},ra=(n=ta,e,t)=>{let{kind:r,metadata:s}=t,i=globalThis.litPropertyMetadata.get(s);if(i===void 0&&globalThis.litPropertyMetadata.set(s,i=new Map),r==="setter"&&((n=Object.create(n)).wrapped=!0),i.set(t.name,n),r==="accessor"){let{name:a}=t;return{set(l){let c=e.get.call(this);e.set.call(this,l),this.requestUpdate(a,c,n,!0,l)},init(l){return l!==void 0&&this.C(a,void 0,n,l),l}}}if(r==="setter"){let{name:a}=t;return function(l){let c=this[a];e.call(this,l),this.requestUpdate(a,c,n,!0,l)}}throw Error("Unsupported decorator location: "+r)};function I(n){return(e,t)=>typeof t=="object"?ra(n,e,t):((r,s,i)=>{let a=s.hasOwnProperty(i);return s.constructor.createProperty(i,r),a?Object.getOwnPropertyDescriptor(s,i):void 0})(n,e,t)}function _(n){return I({...n,state:!0,attribute:!1})}var fr={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},bt=n=>(...e)=>({_$litDirective$:n,values:e}),Ue=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,r){this._$Ct=e,this._$AM=t,this._$Ci=r}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:na}=Us,Hs=n=>n;var js=()=>document.createComment(""),yt=(n,e,t)=>{let r=n._$AA.parentNode,s=e===void 0?n._$AB:e._$AA;if(t===void 0){let i=r.insertBefore(js(),s),a=r.insertBefore(js(),s);t=new na(i,a,n,n.options)}else{let i=t._$AB.nextSibling,a=t._$AM,l=a!==n;if(l){let c;t._$AQ?.(n),t._$AM=n,t._$AP!==void 0&&(c=n._$AU)!==a._$AU&&t._$AP(c)}if(i!==s||l){let c=t._$AA;for(;c!==i;){let m=Hs(c).nextSibling;Hs(r).insertBefore(c,s),c=m}}}return t},ze=(n,e,t=n)=>(n._$AI(e,t),n),sa={},gr=(n,e=sa)=>n._$AH=e,Fs=n=>n._$AH,mr=n=>{n._$AR(),n._$AA.remove()};var br=bt(class extends Ue{constructor(){super(...arguments),this.key=$}render(n,e){return this.key=n,e}update(n,[e,t]){return e!==this.key&&(gr(n),this.key=e),t}});var yr=["GENERAL","SUPPORT","SALES","PERSONAL"],kr=["INTERACTION_LOG","ESCALATION","FOLLOW_UP","RESOLUTION","SUPERVISOR","TECHNICAL","SENTIMENT"],qs=["LOW","NORMAL","HIGH","CRITICAL"];function He(n){return n?n.edges.map(e=>e.node):[]}function yn(n,e,t){let r=n?.permissions.capabilities??[],s=e.toUpperCase();return r.includes(`${s}_ANY_NOTE`)||t.authorId===n?.subject&&r.includes(`${s}_OWN_NOTE`)}function le(n){let e=n.toLowerCase().replaceAll("_"," ");return e.charAt(0).toUpperCase()+e.slice(1)}function je(n){return[...new Set(n.split(",").map(e=>e.trim()).filter(Boolean))]}function vr(n,e){return{subject:"",body:"",category:"GENERAL",type:"INTERACTION_LOG",scope:n,importance:"NORMAL",pinned:!1,tags:"",followUp:!1,assigneeId:e,dueAt:"",instructions:""}}function kn(n){return{...vr(n.scope,""),subject:n.subject,body:n.body,category:n.category,type:n.type,importance:n.importance,pinned:n.pinned,tags:n.tags.join(", ")}}function $r(n){let e=[];return n.subject.length>300&&e.push({field:"subject",code:"TOO_LONG",message:`The subject is ${n.subject.length} characters; the limit is 300.`}),n.body.length>1e5&&e.push({field:"body",code:"TOO_LONG",message:`The body is ${n.body.length.toLocaleString("en")} characters; the limit is ${1e5.toLocaleString("en")}. Shorten it before saving (nothing was sent).`}),e}var tt=`id customerId authorId author { name } subject body category type scope importance
  pinned tags version createdAt updatedAt`,Bs=`query WidgetMe {
  me { subject roles agent { agentId name } permissions { readableScopes writableScopes capabilities } }
}`;var Ws=`query WidgetNotes($id: ID!, $filter: NoteFilter, $first: Int!) {
  customer(id: $id) {
    id name tags(first: 100) { edges { node } }
    notes(first: $first, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${tt} } }
    }
  }
  controlledTags { tag }
}`,Gs=`query WidgetMoreNotes($id: ID!, $filter: NoteFilter, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    notes(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${tt} } }
    }
  }
}`,vn=`query WidgetSearch($query: String, $filter: NoteFilter!, $first: Int!,
    $after: String) {
  searchNotes(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { highlights { subject body } node { ${tt} } }
  }
}`,Vs=`query WidgetNote($id: ID!) { note(id: $id) { ${tt} } }`,Ys=`query WidgetHistory($id: ID!) {
  note(id: $id) {
    id
    history(first: 100) {
      edges { node { version editorId editor { name } editedAt changes { field before after } } }
    }
  }
}`,Ks=`query WidgetActivity($id: ID!) {
  customer(id: $id) {
    id
    interactions(first: 50) {
      totalCount
      edges { node { id type purpose subject outcome occurredAt loggedBy loggedByAgent { name } } }
    }
    followUps(first: 50) {
      totalCount edges { node { id assigneeId assignee { name } dueAt instructions completedAt } }
    }
  }
}`,Zs=`query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { agentId name role } } }
}`,Xs=`mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) { note { ${tt} } errors { field code message } }
}`,Qs=`mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${tt} } errors { field code message } }
}`,Js=`mutation WidgetDelete($input: DeleteNoteInput!) {
  deleteNote(input: $input) { note { id deleted deletedAt } errors { field code message } }
}`,ei=`mutation WidgetRestore($input: RestoreNoteInput!) {
  restoreNote(input: $input) { note { ${tt} } errors { field code message } }
}`;var xe=cn`
  :host {
    display: block;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: #1f2933;
  }
  *:focus-visible {
    outline: 3px solid #1a56db;
    outline-offset: 2px;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.15rem;
  }
  input[type="text"],
  input[type="search"],
  input[type="datetime-local"],
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.35rem 0.45rem;
    border: 1px solid #616e7c;
    border-radius: 4px;
    font: inherit;
    color: inherit;
    background: #fff;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: #b91c1c;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row > * {
    flex: 1;
  }
  .row > .fit {
    flex: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #1a56db;
    background: #fff;
    color: #1a56db;
    cursor: pointer;
  }
  button.primary {
    background: #1a56db;
    color: #fff;
  }
  button.danger {
    border-color: #b91c1c;
    color: #b91c1c;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .error {
    color: #b91c1c;
    margin: 0.2rem 0 0;
    font-size: 0.9em;
  }
  .hint {
    color: #52606d;
    font-size: 0.9em;
    margin: 0.2rem 0 0;
  }
  .status {
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
    background: #eff6ff;
    color: #1e3a8a;
    margin: 0.5rem 0;
  }
  .status.warn {
    background: #fef3c7;
    color: #78350f;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-top: 0.6rem;
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0;
    margin: 0.3rem 0;
  }
  .chips li {
    background: #e4e7eb;
    border-radius: 999px;
    padding: 0 0.6rem;
  }
  .chips button {
    border: none;
    padding: 0 0.2rem;
    background: transparent;
    color: #1f2933;
  }
  ul.notes {
    list-style: none;
    padding: 0;
  }
  ul.notes > li {
    border: 1px solid #d9e2ec;
    border-radius: 6px;
    padding: 0.2rem 0.8rem 0.6rem;
    margin: 0.6rem 0;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0.5rem 0 0.2rem;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.3rem;
    border-bottom: 1px solid #d9e2ec;
    margin-bottom: 0.6rem;
  }
  [role="tab"] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    color: #3e4c59;
  }
  [role="tab"][aria-selected="true"] {
    border-bottom-color: #1a56db;
    color: #102a43;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid #d9e2ec;
    border-radius: 4px;
  }
  .markdown :is(p, ul, ol, pre, blockquote) {
    margin: 0.3rem 0;
  }
  .markdown pre {
    white-space: pre-wrap;
  }
  .matches em {
    font-style: normal;
    font-weight: 600;
    background: #fef08a;
  }
`;var ti=n=>new Date(n).toISOString().slice(0,16).replace("T"," "),fe=class extends Q{constructor(){super(...arguments);this.customerId="";this.interactions=null;this.followUps=null;this.loading=!0;this.failure=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){this.loading=!0;try{let{data:t}=await this.client.request(Ks,{id:this.customerId}),r=t.customer;this.interactions=r?.interactions?He(r.interactions):null,this.followUps=r?.followUps?He(r.followUps):null}catch(t){this.failure=`Activity could not be loaded: ${t instanceof Error?t.message:t}`}finally{this.loading=!1}}render(){return this.loading?k`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`:k`
      ${this.failure?k`<p class="error" role="alert">${this.failure}</p>`:$}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${this.interactions===null?k`<p class="hint">Not available to your role.</p>`:this.interactions.length?k`<ul>${this.interactions.map(t=>k`<li>
                <strong>${le(t.type)}</strong> (${le(t.purpose)}) — ${t.subject}
                <span class="hint">${ti(t.occurredAt)} · ${t.loggedByAgent?.name??t.loggedBy}${t.outcome?` · ${t.outcome}`:""}</span>
              </li>`)}</ul>`:k`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        ${this.followUps===null?k`<p class="hint">Not available to your role.</p>`:this.followUps.length?k`<ul>${this.followUps.map(t=>k`<li>
                Due ${ti(t.dueAt)} · ${t.assignee?.name??t.assigneeId}${t.completedAt?" · done":""}
                ${t.instructions?k`<div>${t.instructions}</div>`:$}
              </li>`)}</ul>`:k`<p class="hint">No follow-ups.</p>`}
      </section>
    `}};fe.styles=xe,y([I({attribute:!1})],fe.prototype,"client",2),y([I()],fe.prototype,"customerId",2),y([_()],fe.prototype,"interactions",2),y([_()],fe.prototype,"followUps",2),y([_()],fe.prototype,"loading",2),y([_()],fe.prototype,"failure",2),fe=y([we("c360-activity")],fe);var oe=class extends Error{},rt=class extends Error{},$n=class extends Error{constructor(t,r){super(t);this.codes=r}},ia=2e4,Dt=class{constructor(e,t){this.endpoint=e;this.token=t}async request(e,t={},r=[]){let s;try{s=await fetch(this.endpoint,{method:"POST",headers:{"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json",Authorization:`Bearer ${this.token()}`},body:JSON.stringify({query:e,variables:t}),signal:AbortSignal.timeout(ia)})}catch(m){throw new rt(`the gateway did not answer (${String(m)})`)}if(s.status===401)throw new oe("the session has expired");if(s.status>=500)throw new rt(`the gateway answered ${s.status}`);let i;try{i=await s.json()}catch{throw new rt(`the gateway answered ${s.status} without JSON`)}let a=i.errors??[],l=a.map(m=>m.extensions?.code??"ERROR");if(l.includes("UNAUTHENTICATED"))throw new oe("the session has expired");let c=i.data;if(c==null||r.some(m=>c[m]==null))throw new $n(a.map(m=>m.message).join("; "),l);return{data:c,errors:a}}};var oa=/^[A-Z][A-Za-z0-9]*:./;function aa(n){try{let e=Uint8Array.from(atob(n),t=>t.charCodeAt(0));return new TextDecoder("utf-8",{fatal:!0}).decode(e)}catch{return null}}function wr(n){let e=aa(n);if(e!==null&&oa.test(e))return n;let t=new TextEncoder().encode(`Customer360:${n}`);return btoa(String.fromCharCode(...t))}var Nt=class extends Ue{constructor(e){if(super(e),this.it=$,e.type!==fr.CHILD)throw Error(this.constructor.directiveName+"() can only be used in child bindings")}render(e){if(e===$||e==null)return this._t=void 0,this.it=e;if(e===de)return e;if(typeof e!="string")throw Error(this.constructor.directiveName+"() called with a non-string value");if(e===this.it)return this._t;this.it=e;let t=[e];return t.raw=t,this._t={_$litType$:this.constructor.resultType,strings:t,values:[]}}};Nt.directiveName="unsafeHTML",Nt.resultType=1;var kt=bt(Nt);var xr=class{constructor(e,t){this.host=e;this.find=t;this.query="";this.found=[];this.status="";this.asked=0;e.addController(this)}hostConnected(){}async search(e){this.query=e;let t=++this.asked,r=this.find();if(r){this.host.requestUpdate();try{let s=await r(e.trim());if(t!==this.asked)return;this.found=s,this.status=s.length?`${s.length} agent${s.length===1?"":"s"} found; choose one under Assignee.`:"No agent found."}catch{t===this.asked&&(this.status="Agents could not be looked up.")}this.host.requestUpdate()}}choices(e,t){let r=[...this.found,...t].find(i=>i.agentId===e),s=this.found.filter(i=>i.agentId!==e);return e?[r??{agentId:e,name:e},...s]:s}};function ri(n,e){return n.find(t=>t.field===e)}function nt(n,e){return e?k`<p class="error" id="${n}-error" role="alert">${e.message}</p>`:$}function Mt(n,e,t,r,s,i){return k`
    <label for=${n}>${e}</label>
    <select
      id=${n}
      .value=${t}
      aria-invalid=${i?"true":"false"}
      aria-describedby=${i?`${n}-error`:$}
      @change=${a=>s(a.target.value)}
    >
      ${r.map(a=>k`<option value=${a} ?selected=${a===t}>${le(a)}</option>`)}
    </select>
    ${nt(n,i)}
  `}function la(n,e){this.v=n,this.k=e}function ni(n,e){(e==null||e>n.length)&&(e=n.length);for(var t=0,r=Array(e);t<e;t++)r[t]=n[t];return r}function ca(n){if(Array.isArray(n))return n}function ua(n,e){var t=n==null?null:typeof Symbol<"u"&&n[Symbol.iterator]||n["@@iterator"];if(t!=null){var r,s,i,a,l=[],c=!0,m=!1;try{if(i=(t=t.call(n)).next,e===0){if(Object(t)!==t)return;c=!1}else for(;!(c=(r=i.call(t)).done)&&(l.push(r.value),l.length!==e);c=!0);}catch(h){m=!0,s=h}finally{try{if(!c&&t.return!=null&&(a=t.return(),Object(a)!==a))return}finally{if(m)throw s}}return l}}function ha(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function pa(n,e){return ca(n)||ua(n,e)||da(n,e)||ha()}function da(n,e){if(n){if(typeof n=="string")return ni(n,e);var t={}.toString.call(n).slice(8,-1);return t==="Object"&&n.constructor&&(t=n.constructor.name),t==="Map"||t==="Set"?Array.from(n):t==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(t)?ni(n,e):void 0}}function Ar(n){var e,t;function r(i,a){try{var l=n[i](a),c=l.value,m=c instanceof la;Promise.resolve(m?c.v:c).then(function(h){if(m){var d=i==="return"&&c.k?i:"next";if(!c.k||h.done)return r(d,h);h=n[d](h).value}s(!!l.done,h)},function(h){r("throw",h)})}catch(h){s(2,h)}}function s(i,a){i===2?e.reject(a):e.resolve({value:a,done:i}),(e=e.next)?r(e.key,e.arg):t=null}this._invoke=function(i,a){return new Promise(function(l,c){var m={key:i,arg:a,resolve:l,reject:c,next:null};t?t=t.next=m:(e=t=m,r(i,a))})},typeof n.return!="function"&&(this.return=void 0)}Ar.prototype[typeof Symbol=="function"&&Symbol.asyncIterator||"@@asyncIterator"]=function(){return this},Ar.prototype.next=function(n){return this._invoke("next",n)},Ar.prototype.throw=function(n){return this._invoke("throw",n)},Ar.prototype.return=function(n){return this._invoke("return",n)};var mi=Object.entries,fa=Object.keys,si=Object.setPrototypeOf,ga=Object.isFrozen,bi=Object.getPrototypeOf,yi=Object.getOwnPropertyDescriptor,V=Object.freeze,F=Object.seal,qe=Object.create,ki=typeof Reflect<"u"&&Reflect,Er=ki.apply,On=ki.construct;V||(V=function(e){return e});F||(F=function(e){return e});Er||(Er=function(e,t){for(var r=arguments.length,s=new Array(r>2?r-2:0),i=2;i<r;i++)s[i-2]=arguments[i];return e.apply(t,s)});On||(On=function(e){for(var t=arguments.length,r=new Array(t>1?t-1:0),s=1;s<t;s++)r[s-1]=arguments[s];return new e(...r)});var Ce=N(Array.prototype.forEach),ma=N(Array.prototype.lastIndexOf),ii=N(Array.prototype.pop),Ut=N(Array.prototype.push),ba=N(Array.prototype.slice),ya=N(Array.prototype.splice),vt=Array.isArray,wn=vi(Set),xn=N(Set.prototype.add),zt=N(Set.prototype.has),st=N(String.prototype.toLowerCase),An=N(String.prototype.toString),ka=N(String.prototype.match),_r=N(String.prototype.replace),_n=N(String.prototype.indexOf),va=N(String.prototype.trim),$a=N(Number.prototype.toString),wa=N(Boolean.prototype.toString),oi=typeof BigInt>"u"?null:N(BigInt.prototype.toString),ai=typeof Symbol>"u"?null:N(Symbol.prototype.toString),J=N(Object.prototype.hasOwnProperty),Ht=N(Object.prototype.toString),xa=RegExp.prototype.test,G=function(e,t){return e instanceof RegExp&&(e.lastIndex=0),Er(xa,e,[t])},Ie=vi(TypeError);function N(n){return function(e){for(var t=arguments.length,r=new Array(t>1?t-1:0),s=1;s<t;s++)r[s-1]=arguments[s];return Er(n,e,r)}}function vi(n){return function(){for(var e=arguments.length,t=new Array(e),r=0;r<e;r++)t[r]=arguments[r];return On(n,t)}}function O(n,e){let t=arguments.length>2&&arguments[2]!==void 0?arguments[2]:st;if(si&&si(n,null),!vt(e))return n;let r=e.length;for(;r--;){let s=e[r];if(typeof s=="string"){let i=t(s);i!==s&&(ga(e)||(e[r]=i),s=i)}n[s]=!0}return n}function Aa(n){for(let e=0;e<n.length;e++)J(n,e)||(n[e]=null);return n}function Sr(n){let e=qe(null);for(let r of mi(n)){var t=pa(r,2);let s=t[0],i=t[1];J(n,s)&&(vt(i)?e[s]=Aa(i):i&&typeof i=="object"&&i.constructor===Object?e[s]=Sr(i):e[s]=i)}return e}function jt(n){let e=qe(null),t=fa(n),r=t.length;for(;r--;)e[t[r]]=n[t[r]];return e}function _a(n){switch(typeof n){case"string":return n;case"number":return $a(n);case"boolean":return wa(n);case"bigint":return oi?oi(n):"0";case"symbol":return ai?ai(n):"Symbol()";case"undefined":return Ht(n);case"function":case"object":{if(n===null)return Ht(n);let e=n,t=ce(e,"toString");if(typeof t=="function"){let r=t(e);return typeof r=="string"?r:Ht(r)}return Ht(n)}default:return Ht(n)}}function ce(n,e){for(;n!==null;){let r=yi(n,e);if(r){if(r.get)return N(r.get);if(typeof r.value=="function")return N(r.value)}n=bi(n)}function t(){return null}return t}function Ta(n,e){for(;n!==null;){let t=yi(n,e);if(t)return t.get?N(t.get):null;n=bi(n)}return null}function Ea(n){if(!n)return!1;try{return G(n,""),!0}catch{return!1}}var li=V(["a","abbr","acronym","address","area","article","aside","audio","b","bdi","bdo","big","blink","blockquote","body","br","button","canvas","caption","center","cite","code","col","colgroup","content","data","datalist","dd","decorator","del","details","dfn","dialog","dir","div","dl","dt","element","em","fieldset","figcaption","figure","font","footer","form","h1","h2","h3","h4","h5","h6","head","header","hgroup","hr","html","i","img","input","ins","kbd","label","legend","li","main","map","mark","marquee","menu","menuitem","meter","nav","nobr","ol","optgroup","option","output","p","picture","pre","progress","q","rp","rt","ruby","s","samp","search","section","select","shadow","slot","small","source","spacer","span","strike","strong","style","sub","summary","sup","table","tbody","td","template","textarea","tfoot","th","thead","time","tr","track","tt","u","ul","var","video","wbr"]),Tn=V(["svg","a","altglyph","altglyphdef","altglyphitem","animatecolor","animatemotion","animatetransform","circle","clippath","defs","desc","ellipse","filter","font","g","glyph","glyphref","hkern","image","line","lineargradient","marker","mask","metadata","mpath","path","pattern","polygon","polyline","radialgradient","rect","stop","style","switch","symbol","text","textpath","title","tref","tspan","view","vkern"]),En=V(["feBlend","feColorMatrix","feComponentTransfer","feComposite","feConvolveMatrix","feDiffuseLighting","feDisplacementMap","feDistantLight","feDropShadow","feFlood","feFuncA","feFuncB","feFuncG","feFuncR","feGaussianBlur","feImage","feMerge","feMergeNode","feMorphology","feOffset","fePointLight","feSpecularLighting","feSpotLight","feTile","feTurbulence"]),Sa=V(["animate","color-profile","cursor","discard","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","foreignobject","hatch","hatchpath","mesh","meshgradient","meshpatch","meshrow","missing-glyph","script","set","solidcolor","unknown","use"]),Sn=V(["math","menclose","merror","mfenced","mfrac","mglyph","mi","mlabeledtr","mmultiscripts","mn","mo","mover","mpadded","mphantom","mroot","mrow","ms","mspace","msqrt","mstyle","msub","msup","msubsup","mtable","mtd","mtext","mtr","munder","munderover","mprescripts"]),Ra=V(["maction","maligngroup","malignmark","mlongdiv","mscarries","mscarry","msgroup","mstack","msline","msrow","semantics","annotation","annotation-xml","mprescripts","none"]),ci=V(["#text"]),ui=V(["accept","action","align","alt","autocapitalize","autocomplete","autopictureinpicture","autoplay","background","bgcolor","border","capture","cellpadding","cellspacing","checked","cite","class","clear","color","cols","colspan","command","commandfor","controls","controlslist","coords","crossorigin","datetime","decoding","default","dir","disabled","disablepictureinpicture","disableremoteplayback","download","draggable","enctype","enterkeyhint","exportparts","face","for","headers","height","hidden","high","href","hreflang","id","inert","inputmode","integrity","ismap","kind","label","lang","list","loading","loop","low","max","maxlength","media","method","min","minlength","multiple","muted","name","nonce","noshade","novalidate","nowrap","open","optimum","part","pattern","placeholder","playsinline","popover","popovertarget","popovertargetaction","poster","preload","pubdate","radiogroup","readonly","rel","required","rev","reversed","role","rows","rowspan","spellcheck","scope","selected","shape","size","sizes","slot","span","srclang","start","src","srcset","step","style","summary","tabindex","title","translate","type","usemap","valign","value","width","wrap","xmlns"]),Rn=V(["accent-height","accumulate","additive","alignment-baseline","amplitude","ascent","attributename","attributetype","azimuth","basefrequency","baseline-shift","begin","bias","by","class","clip","clippathunits","clip-path","clip-rule","color","color-interpolation","color-interpolation-filters","color-profile","color-rendering","cx","cy","d","dx","dy","diffuseconstant","direction","display","divisor","dominant-baseline","dur","edgemode","elevation","end","exponent","fill","fill-opacity","fill-rule","filter","filterunits","flood-color","flood-opacity","font-family","font-size","font-size-adjust","font-stretch","font-style","font-variant","font-weight","fx","fy","g1","g2","glyph-name","glyphref","gradientunits","gradienttransform","height","href","id","image-rendering","in","in2","intercept","k","k1","k2","k3","k4","kerning","keypoints","keysplines","keytimes","lang","lengthadjust","letter-spacing","kernelmatrix","kernelunitlength","lighting-color","local","marker-end","marker-mid","marker-start","markerheight","markerunits","markerwidth","maskcontentunits","maskunits","max","mask","mask-type","media","method","mode","min","name","numoctaves","offset","operator","opacity","order","orient","orientation","origin","overflow","paint-order","path","pathlength","patterncontentunits","patterntransform","patternunits","pointer-events","points","preservealpha","preserveaspectratio","primitiveunits","r","rx","ry","radius","refx","refy","repeatcount","repeatdur","restart","result","rotate","scale","seed","shape-rendering","slope","specularconstant","specularexponent","spreadmethod","startoffset","stddeviation","stitchtiles","stop-color","stop-opacity","stroke-dasharray","stroke-dashoffset","stroke-linecap","stroke-linejoin","stroke-miterlimit","stroke-opacity","stroke","stroke-width","style","surfacescale","systemlanguage","tabindex","tablevalues","targetx","targety","transform","transform-origin","text-anchor","text-decoration","text-orientation","text-rendering","textlength","type","u1","u2","unicode","values","vector-effect","viewbox","visibility","version","vert-adv-y","vert-origin-x","vert-origin-y","width","word-spacing","wrap","writing-mode","xchannelselector","ychannelselector","x","x1","x2","xmlns","y","y1","y2","z","zoomandpan"]),hi=V(["accent","accentunder","align","bevelled","close","columnalign","columnlines","columnspacing","columnspan","denomalign","depth","dir","display","displaystyle","encoding","fence","frame","height","href","id","largeop","length","linethickness","lquote","lspace","mathbackground","mathcolor","mathsize","mathvariant","maxsize","minsize","movablelimits","notation","numalign","open","rowalign","rowlines","rowspacing","rowspan","rspace","rquote","scriptlevel","scriptminsize","scriptsizemultiplier","selection","separator","separators","stretchy","subscriptshift","supscriptshift","symmetric","voffset","width","xmlns"]),Tr=V(["xlink:href","xml:id","xlink:title","xml:space","xmlns:xlink"]),Ca=F(/{{[\w\W]*|^[\w\W]*}}/g),Ia=F(/<%[\w\W]*|^[\w\W]*%>/g),Oa=F(/\${[\w\W]*/g),Pa=F(/{{|}}|\${|<%|%>|&lt;%|%&gt;/),La=F(/^data-[\-\w.\u00B7-\uFFFF]+$/),Da=F(/^aria-[\-\w]+$/),pi=F(/^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i),Na=F(/^(?:\w+script|data):/i),Ma=F(/[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g),Ua=F(/^html$/i),za=F(/^[a-z][.\w]*(-[.\w]+)+$/i),Cn=F(/<[/\w!]/g),di=F(/<[/\w]/g),Ha=F(/<\/no(script|embed|frames)/i),fi=F(/\/>/i),ja=F(/((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i),Fa=F(/^[\r\n\t ]+/),j={element:1,text:3,processingInstruction:7,comment:8,document:9,documentFragment:11},qa=V(O({},["style","script","xmp","iframe","noembed","noframes","plaintext","noscript"])),Ba=function(){return typeof window>"u"?null:window},Wa=function(e,t){if(typeof e!="object"||typeof e.createPolicy!="function")return null;let r=null,s="data-tt-policy-suffix";t&&t.hasAttribute(s)&&(r=t.getAttribute(s));let i="dompurify"+(r?"#"+r:"");try{return e.createPolicy(i,{createHTML(a){return a},createScriptURL(a){return a}})}catch{return console.warn("TrustedTypes policy "+i+" could not be created."),null}},gi=function(){return{afterSanitizeAttributes:[],afterSanitizeElements:[],afterSanitizeShadowDOM:[],beforeSanitizeAttributes:[],beforeSanitizeElements:[],beforeSanitizeShadowDOM:[],uponSanitizeAttribute:[],uponSanitizeElement:[],uponSanitizeShadowNode:[]}},Fe=function(e,t,r,s){return J(e,t)&&vt(e[t])?O(s.base?jt(s.base):{},e[t],s.transform):r},In=function(e,t,r){let s=J(e,t)?e[t]:void 0;return s&&typeof s=="object"?Sr(s):r};function $i(){let n=arguments.length>0&&arguments[0]!==void 0?arguments[0]:Ba(),e=f=>$i(f);if(e.version="3.4.18",e.removed=[],!n||!n.document||n.document.nodeType!==j.document||!n.Element)return e.isSupported=!1,e;let t=n.document,r=t,s=r.currentScript,i=n.HTMLTemplateElement,a=n.Node,l=n.Element,c=n.NodeFilter,m=n.DOMParser,h=n.trustedTypes,d=l.prototype,g=ce(d,"cloneNode"),v=ce(d,"remove"),x=ce(d,"removeAttributeNode"),C=ce(d,"nextSibling"),T=ce(d,"childNodes"),R=ce(d,"parentNode"),ne=ce(d,"shadowRoot"),D=ce(d,"attributes"),ue=a&&a.prototype?ce(a.prototype,"nodeType"):null,se=a&&a.prototype?ce(a.prototype,"nodeName"):null,Pe=a&&a.prototype?ce(a.prototype,"ownerDocument"):null,X=function(o){return ue?ue(o):o.nodeType},re=function(o){return se?se(o):o.nodeName},Le=Ta(d,"namespaceURI"),De=function(o){return Le?Le(o):o.namespaceURI};if(typeof i=="function"){let f=t.createElement("template");f.content&&f.content.ownerDocument&&(t=f.content.ownerDocument)}let K,be="",ye,te=!1,We=0,_e=function(){if(We>0)throw Ie('A configured TRUSTED_TYPES_POLICY callback (createHTML or createScriptURL) must not call DOMPurify.sanitize, as that causes infinite recursion. Do not pass a policy whose callbacks wrap DOMPurify as TRUSTED_TYPES_POLICY; see the "DOMPurify and Trusted Types" section of the README.')},At=function(o){_e(),We++;try{return K.createHTML(o)}finally{We--}},Kn=function(o){return K&&qr?At(o):o},ro=function(o){_e(),We++;try{return K.createScriptURL(o)}finally{We--}},no=function(){return te||(ye=Wa(h,s),te=!0),ye},Vt=t,Nr=Vt.implementation,so=Vt.createNodeIterator,io=Vt.createDocumentFragment,oo=Vt.getElementsByTagName,ao=r.importNode,M=gi();e.isSupported=typeof mi=="function"&&typeof R=="function"&&Nr&&Nr.createHTMLDocument!==void 0;let lo=Ca,co=Ia,uo=Oa,ho=La,po=Da,fo=Na,go=Ma,mo=za,Zn=pi,U=null,Mr=O({},[...li,...Tn,...En,...Sn,...ci]),z=null,Ur=O({},[...ui,...Rn,...hi,...Tr]),ke=null,_t=null,Xn=null,Ne=Object.seal(qe(null,{tagCheck:{writable:!0,configurable:!1,enumerable:!0,value:null},attributeCheck:{writable:!0,configurable:!1,enumerable:!0,value:null}})),Qn=!0,zr=!0,Jn=!1,Hr=!0,Te=!1,Ge=!0,Ve=!1,jr=!1,Yt=null,Kt=null,Fr=!1,ut=!1,Zt=!1,qr=!1,es=!0,ts=!1,rs="user-content-",Br=!0,Wr=!1,Ye=null,ht=!1,Ke=null,ns=O({},["annotation-xml","audio","colgroup","desc","foreignobject","head","iframe","math","mi","mn","mo","ms","mtext","noembed","noframes","noscript","plaintext","script","selectedcontent","style","svg","template","thead","title","video","xmp"]),ss=null,is=O({},["audio","video","img","source","image","track"]),os=null,as=O({},["alt","class","for","id","label","name","pattern","placeholder","role","summary","title","value","style","xmlns"]),Xt="http://www.w3.org/1998/Math/MathML",Qt="http://www.w3.org/2000/svg",ve="http://www.w3.org/1999/xhtml",pt=ve,Gr=!1,ls=null,bo=O({},[Xt,Qt,ve],An),yo=V(O({},["mi","mo","mn","ms","mtext"])),Vr=null,ko=V(O({},["annotation-xml"])),Yr=null,vo=V(qe(null)),$o=O({},["title","style","font","a","script"]),Tt=null,wo=["application/xhtml+xml","text/html"],xo="text/html",H=null,Jt=null,Ao=t.createElement("form"),cs=function(o){return o instanceof RegExp||o instanceof Function},Kr=function(){let o=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};(!o||typeof o!="object")&&(o={}),o=Sr(o),Tt=wo.indexOf(o.PARSER_MEDIA_TYPE)===-1?xo:o.PARSER_MEDIA_TYPE,H=Tt==="application/xhtml+xml"?An:st,U=Fe(o,"ALLOWED_TAGS",Mr,{transform:H}),z=Fe(o,"ALLOWED_ATTR",Ur,{transform:H}),ls=Fe(o,"ALLOWED_NAMESPACES",bo,{transform:An}),os=Fe(o,"ADD_URI_SAFE_ATTR",as,{transform:H,base:as}),ss=Fe(o,"ADD_DATA_URI_TAGS",is,{transform:H,base:is}),Ke=Fe(o,"FORBID_CONTENTS",ns,{transform:H}),_t=Fe(o,"FORBID_TAGS",qe(null),{transform:H}),Xn=Fe(o,"FORBID_ATTR",qe(null),{transform:H}),ht=J(o,"USE_PROFILES")?o.USE_PROFILES&&typeof o.USE_PROFILES=="object"?Sr(o.USE_PROFILES):o.USE_PROFILES:!1,Qn=o.ALLOW_ARIA_ATTR!==!1,zr=o.ALLOW_DATA_ATTR!==!1,Jn=o.ALLOW_UNKNOWN_PROTOCOLS||!1,Hr=o.ALLOW_SELF_CLOSE_IN_ATTR!==!1,Te=o.SAFE_FOR_TEMPLATES||!1,Ge=o.SAFE_FOR_XML!==!1,Ve=o.WHOLE_DOCUMENT||!1,ut=o.RETURN_DOM||!1,Zt=o.RETURN_DOM_FRAGMENT||!1,qr=o.RETURN_TRUSTED_TYPE||!1,Fr=o.FORCE_BODY||!1,es=o.SANITIZE_DOM!==!1,ts=o.SANITIZE_NAMED_PROPS||!1,Br=o.KEEP_CONTENT!==!1,Wr=o.IN_PLACE||!1,Zn=Ea(o.ALLOWED_URI_REGEXP)?o.ALLOWED_URI_REGEXP:pi,pt=typeof o.NAMESPACE=="string"?o.NAMESPACE:ve,Vr=In(o,"MATHML_TEXT_INTEGRATION_POINTS",yo),Yr=In(o,"HTML_INTEGRATION_POINTS",ko);let u=In(o,"CUSTOM_ELEMENT_HANDLING",vo);if(ke=qe(null),J(u,"tagNameCheck")&&cs(u.tagNameCheck)&&(ke.tagNameCheck=u.tagNameCheck),J(u,"attributeNameCheck")&&cs(u.attributeNameCheck)&&(ke.attributeNameCheck=u.attributeNameCheck),J(u,"allowCustomizedBuiltInElements")&&typeof u.allowCustomizedBuiltInElements=="boolean"&&(ke.allowCustomizedBuiltInElements=u.allowCustomizedBuiltInElements),F(ke),Te&&(zr=!1),Zt&&(ut=!0),ht&&((J(o,"ALLOWED_TAGS")||J(o,"ALLOWED_ATTR"))&&typeof console<"u"&&typeof console.warn=="function"&&console.warn("DOMPurify: USE_PROFILES overrides ALLOWED_TAGS and ALLOWED_ATTR. Do not use these options together."),U=O({},ci),z=qe(null),ht.html===!0&&(O(U,li),O(z,ui)),ht.svg===!0&&(O(U,Tn),O(z,Rn),O(z,Tr)),ht.svgFilters===!0&&(O(U,En),O(z,Rn),O(z,Tr)),ht.mathMl===!0&&(O(U,Sn),O(z,hi),O(z,Tr))),Ne.tagCheck=null,Ne.attributeCheck=null,J(o,"ADD_TAGS")&&(typeof o.ADD_TAGS=="function"?Ne.tagCheck=o.ADD_TAGS:vt(o.ADD_TAGS)&&(U===Mr&&(U=jt(U)),O(U,o.ADD_TAGS,H))),J(o,"ADD_ATTR")&&(typeof o.ADD_ATTR=="function"?Ne.attributeCheck=o.ADD_ATTR:vt(o.ADD_ATTR)&&(z===Ur&&(z=jt(z)),O(z,o.ADD_ATTR,H))),J(o,"ADD_FORBID_CONTENTS")&&vt(o.ADD_FORBID_CONTENTS)&&(Ke===ns&&(Ke=jt(Ke)),O(Ke,o.ADD_FORBID_CONTENTS,H)),Br&&(U["#text"]=!0),Ve&&O(U,["html","head","body"]),U.table&&(U.tbody=!0,delete _t.tbody),o.TRUSTED_TYPES_POLICY){if(typeof o.TRUSTED_TYPES_POLICY.createHTML!="function")throw Ie('TRUSTED_TYPES_POLICY configuration option must provide a "createHTML" hook.');if(typeof o.TRUSTED_TYPES_POLICY.createScriptURL!="function")throw Ie('TRUSTED_TYPES_POLICY configuration option must provide a "createScriptURL" hook.');let p=K;K=o.TRUSTED_TYPES_POLICY;try{be=At("")}catch(b){throw K=p,b}}else o.TRUSTED_TYPES_POLICY===null?(K=void 0,be=""):(K===void 0&&(K=no()),K&&typeof be=="string"&&(be=At("")));Jt=V(o)},us=O({},[...Tn,...En,...Sa]),hs=O({},[...Sn,...Ra]),_o=function(o,u,p){return u===ve?o==="svg":u===Xt?o==="svg"&&(p==="annotation-xml"||Vr[p]):!!us[o]},To=function(o,u,p){return u===ve?o==="math":u===Qt?o==="math"&&Yr[p]:!!hs[o]},Eo=function(o,u,p){return u===Qt&&!Yr[p]||u===Xt&&!Vr[p]?!1:!hs[o]&&($o[o]||!us[o])},So=function(o){let u=De(o),p=st(re(o)),b=R(o),w=pt,A="template";return b&&X(b)===j.element&&(w=De(b),A=st(re(b))),ls[u]?u===Qt?_o(p,w,A):u===Xt?To(p,w,A):u===ve?Eo(p,w,A):Tt==="application/xhtml+xml":!1},Me=function(o){Ut(e.removed,{element:o});try{R(o).removeChild(o)}catch{if(v(o),!R(o))throw Ie("a node selected for removal could not be detached from its tree and cannot be safely returned; refusing to sanitize in place")}},ps=function(o,u,p){try{x(o,u)}catch{try{o.removeAttribute(p)}catch{}}},Zr=function(o){Jr(o);let u=T(o);u&&Ce(ba(u),p=>{try{v(p)}catch{}}),X(o)===j.element&&Xr(o,!1)},dt=function(o,u,p){if(!p)try{p=u.getAttributeNode(o)}catch{p=null}if(Ut(e.removed,{attribute:p||null,from:u}),p)ps(u,p,o);else try{u.removeAttribute(o)}catch{}if(o==="is")if(ut||Zt)try{Me(u)}catch{}else try{u.setAttribute(o,"")}catch{}},Xr=function(o,u){let p=D(o);if(p)for(let b=p.length-1;b>=0;--b){let w=p[b],A=w&&w.name;typeof A=="string"&&!(u&&z[H(A)])&&ps(o,w,A)}},Qr=function(o,u){let p=arguments.length>2&&arguments[2]!==void 0?arguments[2]:!1,b=[o];for(;b.length>0;){let w=b.pop();if(u(w)===!1)continue;if(p&&X(w)===j.element){let S=ne(w);ft(S)&&b.push(S)}let A=T(w);if(A)for(let S=A.length-1;S>=0;--S)b.push(A[S])}},Jr=function(o){Qr(o,u=>{X(u)===j.element&&Xr(u,!0)})},en=function(o){let u=[];return Qr(o,p=>{u.push(p)},!0),u},Ro=function(o,u){let p=wn();Ce(en(o),b=>{X(b)===j.element&&xn(p,b)}),Ce(u,b=>{X(b)===j.element&&!zt(p,b)&&Xr(b,!0)})},ds=function(o,u){let p=!1;return Ce(e.removed,b=>{b.element&&(p=p||b.element===o,Jr(b.element))}),Ro(o,u),p},Co=8,Io=function(o,u){let p=Ye,b=null,w=()=>(b||(b=wn(),Ce(u,A=>{xn(b,A)})),b);for(let A=0;;A++){let S=en(o),B=[o],Ee=!1;if(Ce(S,pe=>{X(pe)===j.documentFragment?Ut(B,pe):!Ee&&!zt(p,pe)&&(Ee=zt(w(),pe))}),!Ee)return;if(A>=Co)throw Ie("the tree kept changing during in-place sanitization; refusing to return it");Ce(B,(pe,ie)=>{Oo(pe,ie>0,o,w())})}},Oo=function(o,u,p,b){let w=er(o),A;for(;A=w.nextNode();)!zt(b,A)||zt(Ye,A)||(u&&he(M.uponSanitizeShadowNode,A,null),sn(A,p))},Po=function(o){Ye&&xn(Ye,o)},fs=function(o,u){return Ge?o==="patchsrc"?!0:o==="for"&&u!=="label"&&u!=="output":!1},Lo=function(o){Ge&&Qr(o,u=>{let p=X(u);if(p===j.processingInstruction||p===j.comment&&G(di,u.data)){try{v(u)}catch{}return!1}if(p===j.element){let b=u,w=H(re(u));try{b.hasAttribute&&b.hasAttribute("patchsrc")&&b.removeAttribute("patchsrc"),b.hasAttribute&&b.hasAttribute("for")&&fs("for",w)&&b.removeAttribute("for")}catch{}}return!0})},gs=function(o){let u=null,p=null;if(Fr)o="<remove></remove>"+o;else{let A=ka(o,Fa);p=A&&A[0]}Tt==="application/xhtml+xml"&&pt===ve&&(o='<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body>'+o+"</body></html>");let b=K?At(o):o;if(pt===ve)try{u=new m().parseFromString(b,Tt)}catch{}if(!u||!u.documentElement){u=Nr.createDocument(pt,"template",null);try{u.documentElement.innerHTML=Gr?be:b}catch{}}let w=u.body||u.documentElement;return o&&p&&w.insertBefore(t.createTextNode(p),w.childNodes[0]||null),pt===ve?oo.call(u,Ve?"html":"body")[0]:Ve?u.documentElement:w},er=function(o){let u=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,p=Pe?Pe(o):o.ownerDocument;return so.call(p||o,o,(u?0:c.SHOW_ELEMENT)|c.SHOW_COMMENT|c.SHOW_TEXT|c.SHOW_PROCESSING_INSTRUCTION|c.SHOW_CDATA_SECTION,null)},tn=function(o){return o=_r(o,lo," "),o=_r(o,co," "),o=_r(o,uo," "),o},rn=function(o){var u;nn(o);let p=(u=o.querySelectorAll)===null||u===void 0?void 0:u.call(o,"template");p&&Ce(p,b=>{ft(b.content)&&rn(b.content)})},nn=function(o){o.normalize();let u=er(o,!0),p=u.nextNode();for(;p;)p.data=tn(p.data),p=u.nextNode()},tr=function(o){let u=se?se(o):null;return typeof u!="string"||H(u)!=="form"?!1:typeof o.nodeName!="string"||typeof o.textContent!="string"||typeof o.removeChild!="function"||o.attributes!==D(o)||typeof o.removeAttribute!="function"||typeof o.removeAttributeNode!="function"||typeof o.getAttributeNode!="function"||typeof o.setAttribute!="function"||typeof o.namespaceURI!="string"||typeof o.insertBefore!="function"||typeof o.hasChildNodes!="function"||o.nodeType!==ue(o)||o.childNodes!==T(o)},ms=function(o){if(!ue||typeof o!="object"||o===null)return null;try{let u=ue(o);return typeof u=="number"?u:null}catch{return null}},ft=function(o){return ms(o)===j.documentFragment},Et=function(o){return ms(o)!==null};function he(f,o,u){f.length!==0&&Ce(f,p=>{p.call(e,o,u,Jt)})}let Do=function(o,u,p){return!!(Ge&&p===j.element&&o.hasChildNodes()&&!Et(o.firstElementChild)&&G(Cn,o.textContent)&&G(Cn,o.innerHTML)||Ge&&qa[u]&&p===j.element&&De(o)===ve&&(Et(o.firstElementChild)||typeof o.textContent=="string"&&G(Cn,o.textContent))||p===j.processingInstruction||Ge&&p===j.comment&&G(di,o.data))},rr=function(o,u){if(o instanceof RegExp)return G(o,u);if(o instanceof Function){for(var p=arguments.length,b=new Array(p>2?p-2:0),w=2;w<p;w++)b[w-2]=arguments[w];return!!o(u,...b)}return!1},No=function(o,u,p){if(!_t[u]&&ks(u)&&rr(ke.tagNameCheck,u))return!1;if(Br&&!Ke[u]&&!Ke[st(u)]){let b=R(o),w=T(o);if(w&&b){let A=w.length;for(let S=A-1;S>=0;--S){let B=o===p?g(w[S],!0):w[S];b.insertBefore(B,C(o))}}}return Me(o),!0},bs=function(o,u,p,b){return o.length===0?u:u===p||u===b?jt(u):u},gt=function(o,u){return o===u||R(o)!==null?!1:(Wr&&Jr(o),!0)},Mo=function(o,u){if(Po(o),he(M.beforeSanitizeElements,o,null),gt(o,u))return!0;if(tr(o))return Me(o),!0;let p=H(re(o)),b=X(o);if(U=bs(M.uponSanitizeElement,U,Mr,Yt),he(M.uponSanitizeElement,o,{tagName:p,allowedTags:U}),gt(o,u))return!0;if(Do(o,p,b))return Me(o),!0;if(_t[p]||!(Ne.tagCheck instanceof Function&&Ne.tagCheck(p))&&!U[p]){let w=No(o,p,u);return w===!1&&(he(M.afterSanitizeElements,o,null),gt(o,u))?!0:w}if(b===j.element&&!So(o)||(p==="noscript"||p==="noembed"||p==="noframes")&&G(Ha,o.innerHTML))return Me(o),!0;if(Te&&b===j.text){let w=o.textContent,A=tn(w);w!==A&&(Ut(e.removed,{element:o.cloneNode()}),o.textContent=A)}return he(M.afterSanitizeElements,o,null),gt(o,u)},ys=function(o,u,p){if(Xn[u]||fs(u,o)||es&&(u==="id"||u==="name")&&(p in t||p in Ao))return!1;let b=z[u]||Ne.attributeCheck instanceof Function&&Ne.attributeCheck(u,o);if(zr&&G(ho,u)||Qn&&G(po,u))return!0;if(!b)return ks(o)&&rr(ke.tagNameCheck,o)&&rr(ke.attributeNameCheck,u,o)||u==="is"&&ke.allowCustomizedBuiltInElements&&rr(ke.tagNameCheck,p);if(os[u])return!0;let w=_r(p,go,"");return G(Zn,w)||(u==="src"||u==="xlink:href"||u==="href")&&o!=="script"&&_n(p,"data:")===0&&ss[o]||Jn&&!G(fo,w)?!0:!p},Uo=O({},["annotation-xml","color-profile","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","missing-glyph"]),ks=function(o){return!Uo[st(o)]&&G(mo,o)},zo=function(o,u,p,b){if(K&&typeof h=="object"&&typeof h.getAttributeType=="function"&&!p)switch(h.getAttributeType(o,u)){case"TrustedHTML":return At(b);case"TrustedScriptURL":return ro(b)}return b},Ho=function(o,u,p,b){try{return p?o.setAttributeNS(p,u,b):o.setAttribute(u,b),tr(o)?(Me(o),!1):!0}catch{return dt(u,o),!1}},vs=function(o,u){return Ge&&G(ja,u)?!0:st(o)==="attributename"&&_n(u,"href")!==-1},jo=function(o,u){if(he(M.beforeSanitizeAttributes,o,null),gt(o,u))return;let p=o.attributes;if(!p||tr(o))return;z=bs(M.uponSanitizeAttribute,z,Ur,Kt);let b={attrName:"",attrValue:"",keepAttr:!0,allowedAttributes:z,forceKeepAttr:void 0},w=p.length,A=H(re(o));for(;w--;){let S=p[w],B=S.name,Ee=S.namespaceURI,pe=S.value,ie=H(B),$e=pe,Z=B==="value"?$e:va($e),$s=!1;if(b.attrName=ie,b.attrValue=Z,b.keepAttr=!0,b.forceKeepAttr=void 0,he(M.uponSanitizeAttribute,o,b),Z=b.attrValue,ts&&(ie==="id"||ie==="name")&&_n(Z,rs)!==0&&(dt(B,o,S),Z=rs+Z,$s=!0),vs(B,Z)){dt(B,o,S);continue}if(!b.forceKeepAttr){if(!b.keepAttr){dt(B,o,S);continue}if(!Hr&&G(fi,Z)){dt(B,o,S);continue}if(Te&&(Z=tn(Z)),!ys(A,ie,Z)){dt(B,o,S);continue}Z=zo(A,ie,Ee,Z),Z!==$e&&Ho(o,B,Ee,Z)&&$s&&ii(e.removed)}}he(M.afterSanitizeAttributes,o,null),gt(o,u)},sn=function(o,u){Mo(o,u),jo(o,u),ft(o.content)&&on(o.content)},on=function(o){let u=null,p=er(o);for(he(M.beforeSanitizeShadowDOM,o,null);u=p.nextNode();)if(he(M.uponSanitizeShadowNode,u,null),sn(u,o),X(u)===j.element){let b=ne(u);ft(b)&&(an(b),on(b))}Te&&nn(o),he(M.afterSanitizeShadowDOM,o,null)},an=function(o){let u=[{node:o,shadow:null}];for(;u.length>0;){let p=u.pop();if(p.shadow){on(p.shadow);continue}let b=p.node,w=X(b)===j.element,A=T(b);if(A)for(let S=A.length-1;S>=0;--S)u.push({node:A[S],shadow:null});if(w){let S=se?se(b):null;if(typeof S=="string"&&H(S)==="template"){let B=b.content;ft(B)&&u.push({node:B,shadow:null})}}if(w){let S=ne(b);ft(S)&&u.push({node:null,shadow:S},{node:S,shadow:null})}}};return e.sanitize=function(f){let o=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},u=null,p=null,b=null,w=null;if(Gr=!f,Gr&&(f="<!-->"),typeof f!="string"&&!Et(f)&&(f=_a(f),typeof f!="string"))throw Ie("dirty is not a string, aborting");if(!e.isSupported)return f;jr?(U=Yt,z=Kt):Kr(o),e.removed=[];let A=Wr&&typeof f!="string"&&Et(f),S=[],B=Ye;if(A){Lo(f);let $e=re(f);if(typeof $e=="string"){let Z=H($e);if(!U[Z]||_t[Z])throw Zr(f),Ie("root node is forbidden and cannot be sanitized in-place")}if(tr(f))throw Zr(f),Ie("root node is clobbered and cannot be sanitized in-place");S=en(f),Ye=wn()}else if(Et(f))u=gs("<!---->"),p=u.ownerDocument.importNode(f,!0),p.nodeType===j.element&&p.nodeName==="BODY"||p.nodeName==="HTML"?u=p:u.appendChild(p),an(u);else{if(!ut&&!Te&&!Ve&&f.indexOf("<")===-1)return Kn(f);if(u=gs(f),!u)return ut?null:qr?be:""}u&&Fr&&Me(u.firstChild);let Ee=A?f:u;try{A&&an(f);let $e=er(Ee);for(;b=$e.nextNode();)sn(b,Ee);A&&Io(f,S)}catch($e){throw A&&(Zr(f),ds(f,S)),$e}finally{Ye=B}if(A){if(ds(f,S))throw Ie("a node selected for removal could not be safely returned; refusing to sanitize in place");return Te&&rn(f),f}if(ut){if(Te&&rn(u),Zt)for(w=io.call(u.ownerDocument);u.firstChild;)w.appendChild(u.firstChild);else w=u;return(z.shadowroot||z.shadowrootmode)&&(w=ao.call(r,w,!0)),w}let pe=()=>Ve?u.outerHTML:u.innerHTML,ie=pe();return Te&&G(Pa,ie)&&(nn(u),ie=pe()),Ve&&U["!doctype"]&&u.ownerDocument&&u.ownerDocument.doctype&&u.ownerDocument.doctype.name&&G(Ua,u.ownerDocument.doctype.name)&&(ie="<!DOCTYPE "+u.ownerDocument.doctype.name+`>
`+ie),Kn(ie)},e.setConfig=function(){let f=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};Kr(f),jr=!0,Yt=U,Kt=z},e.clearConfig=function(){Jt=null,jr=!1,Yt=null,Kt=null,K=ye,be=""},e.isValidAttribute=function(f,o,u){Jt||Kr({});let p=H(f),b=H(o);return typeof u=="string"&&(vs(o,u)||!Hr&&G(fi,u))?!1:ys(p,b,u)},e.addHook=function(f,o){typeof o=="function"&&J(M,f)&&Ut(M[f],o)},e.removeHook=function(f,o){if(J(M,f)){if(o!==void 0){let u=ma(M[f],o);return u===-1?void 0:ya(M[f],u,1)[0]}return ii(M[f])}},e.removeHooks=function(f){J(M,f)&&(M[f]=[])},e.removeAllHooks=function(){M=gi()},e}var wi=$i();function Nn(){return{async:!1,breaks:!1,extensions:null,gfm:!0,hooks:null,pedantic:!1,renderer:null,silent:!1,tokenizer:null,walkTokens:null}}var ct=Nn();function Pi(n){ct=n}var ot={exec:()=>null};function it(n){let e=[];return t=>{let r=Math.max(0,Math.min(3,t-1)),s=e[r];return s||(s=n(r),e[r]=s),s}}function E(n,e=""){let t=typeof n=="string"?n:n.source,r={replace:(s,i)=>{let a=typeof i=="string"?i:i.source;return a=a.replace(W.caret,"$1"),t=t.replace(s,a),r},getRegex:()=>new RegExp(t,e)};return r}var Li=((n="")=>{try{return!!new RegExp("(?<=1)(?<!1)"+n)}catch{return!1}})(),W={codeRemoveIndent:/^(?: {0,3}\t| {1,4})/gm,listInterruptsParagraph:/^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/,outputLinkReplace:/\\([\[\]])/g,indentCodeCompensation:/^(\s+)(?:```)/,beginningSpace:/^\s+/,endingHash:/#$/,startingSpaceChar:/^ /,endingSpaceChar:/ $/,endingSpaceTabChar:/[ \t]$/,nonSpaceChar:/[^ ]/,newLineCharGlobal:/\n/g,tabCharGlobal:/\t/g,leadingSpaceTab:/^[ \t]+/,multipleSpaceGlobal:/\s+/g,blankLine:/^[ \t]*$/,doubleBlankLine:/\n[ \t]*\n[ \t]*$/,blockquoteStart:/^ {0,3}>/,blockquoteSetextReplace:/\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g,blockquoteSetextReplace2:/^ {0,3}>[ \t]?/gm,blockquoteMarkerWhitespace:/^( {0,3}>)(\t[ \t]*)/gm,nestedBlockMarker:/^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/,listReplaceNesting:/^ {1,4}(?=( {4})*[^ ])/g,listIsTask:/^\[[ xX]\][ \t]+\S/,listReplaceTask:/^\[[ xX]\][ \t]+/,listTaskCheckbox:/\[[ xX]\]/,anyLine:/\n.*\n/,hrefBrackets:/^<(.*)>$/,tableDelimiter:/[:|]/,tableAlignChars:/^\||\| *$/g,tableRowBlankLine:/\n[ \t]*$/,tableAlignRight:/^ *-+: *$/,tableAlignCenter:/^ *:-+: *$/,tableAlignLeft:/^ *:-+ *$/,startATag:/^<a /i,endATag:/^<\/a>/i,startPreScriptTag:/^<(pre|code|kbd|script)(\s|>)/i,endPreScriptTag:/^<\/(pre|code|kbd|script)(\s|>)/i,startAngleBracket:/^</,endAngleBracket:/>$/,pedanticHrefTitle:/^([^'"]*[^\s])\s+(['"])(.*)\2/,unicodeAlphaNumeric:/[\p{L}\p{N}]/u,numericCharacterReference:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/,numericCharacterReferenceOrAmpersand:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,escapeTest:/[&<>"']/,escapeReplace:/[&<>"']/g,escapeTestNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/,escapeReplaceNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,caret:/(^|[^\[])\^/g,percentDecode:/%25/g,findPipe:/\|/g,splitPipe:/ \|/,slashPipe:/\\\|/g,carriageReturn:/\r\n|\r/g,spaceLine:/^ +$/gm,notSpaceStart:/^\S*/,endingNewline:/\n$/,listItemRegex:n=>new RegExp(`^( {0,3}${n})((?:[	 ][^\\n]*)?(?:\\n|$))`),nextBulletRegex:it(n=>new RegExp(`^ {0,${n}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)),hrRegex:it(n=>new RegExp(`^ {0,${n}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)),fencesBeginRegex:it(n=>new RegExp(`^ {0,${n}}(?:\`\`\`|~~~)`)),headingBeginRegex:it(n=>new RegExp(`^ {0,${n}}#{1,6}(?:\\s|$)`)),pedanticHeadingBeginRegex:it(n=>new RegExp(`^ {0,${n}}#`)),htmlBeginRegex:it(n=>new RegExp(`^ {0,${n}}(?:</?(?:${Un})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,"i")),blockquoteBeginRegex:it(n=>new RegExp(`^ {0,${n}}>`)),nestedContainerMarkers:/^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/},Ga=/^(?:[ \t]*(?:\n|$))+/,Va=/^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/,Ya=/^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/,Bt=/^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/,Ka=/^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/,Mn=/ {0,3}(?:[*+-]|\d{1,9}[.)])/,Un="address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul",Wt=E(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag",Un).getRegex(),Di=/^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/,Ni=E(Di).replace(/bull/g,Mn).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g,"").replace(/html/g,Wt).getRegex(),Za=E(Di).replace(/bull/g,Mn).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g,/ {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g,Wt).getRegex(),zn=/^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/,Xa=/^[^\n]+/,Hn=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/,Qa=E(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label",Hn).replace("title",/(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex(),Ja=E(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g,Mn).getRegex(),jn=/<!--(?:-?>|[\s\S]*?(?:-->|$))/,el=E("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))","i").replace("comment",jn).replace("tag",Un).replace("attribute",/[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex(),Mi=n=>E(zn).replace("hr",Bt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("|table","").replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list",n).replace("html",Wt).getRegex(),tl=Mi(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/),rl=Mi(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/),nl=E(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph",rl).getRegex(),Fn={blockquote:nl,code:Va,def:Qa,fences:Ya,heading:Ka,hr:Bt,html:el,lheading:Ni,list:Ja,newline:Ga,paragraph:tl,table:ot,text:Xa},xi=E("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr",Bt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("blockquote"," {0,3}>").replace("code","(?: {4}| {0,3}	)[^\\n]").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html",Wt).getRegex(),sl={...Fn,lheading:Za,table:xi,paragraph:E(zn).replace("hr",Bt).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("table",xi).replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html",Wt).getRegex()},il={...Fn,html:E(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment",jn).replace(/tag/g,"(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(),def:/^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/,heading:/^(#{1,6})(.*)(?:\n+|$)/,fences:ot,lheading:/^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/,paragraph:E(zn).replace("hr",Bt).replace("heading",` *#{1,6} *[^
]`).replace("|table","").replace("blockquote"," {0,3}>").replace("|fences","").replace("|list","").replace("|html","").replace("|tag","").replace("lheading",Ni).getRegex()},ol=/^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/,al=/^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/,Ui=/^( {2,}|\\)\n(?!\s*$)[ \t]*/,ll=/^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/,Ae=/[\p{P}\p{S}]/u,wt=/[\s\p{P}\p{S}]/u,Gt=/[^\s\p{P}\p{S}]/u,cl=E(/^((?![*_])punctSpace)/,"u").replace(/punctSpace/g,wt).getRegex(),ul=/[\p{Pi}\p{Ps}"']/u,zi=/(?!~)[\p{P}\p{S}]/u,hl=/(?!~)[\s\p{P}\p{S}]/u,pl=/(?:[^\s\p{P}\p{S}]|~)/u,dl=E(/link|precode-code|html/,"g").replace("link",/\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-",Li?"(?<!`)()":"(^^|[^`])").replace("code",/(?<b>`+)[^`]+\k<b>(?!`)/).replace("html",/<(?! )[^<>]*?>/).getRegex(),Hi=/^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/,fl=E(Hi,"u").replace(/punct/g,Ae).getRegex(),gl=E(Hi,"u").replace(/punct/g,zi).getRegex(),ml=/^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/,bl=E(ml,"u").replace(/openQuote/g,ul).replace(/punct/g,Ae).getRegex(),ji="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)",yl=E(ji,"gu").replace(/notPunctSpace/g,Gt).replace(/punctSpace/g,wt).replace(/punct/g,Ae).getRegex(),kl=E(ji,"gu").replace(/notPunctSpace/g,pl).replace(/punctSpace/g,hl).replace(/punct/g,zi).getRegex(),vl="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)",$l=E(vl,"gu").replace(/notPunctSpace/g,Gt).replace(/punctSpace/g,wt).replace(/punct/g,Ae).getRegex(),wl=E("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)","gu").replace(/notPunctSpace/g,Gt).replace(/punctSpace/g,wt).replace(/punct/g,Ae).getRegex(),xl="^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)",Al=E(xl,"gu").replace(/notPunctSpace/g,Gt).replace(/punctSpace/g,wt).replace(/punct/g,Ae).getRegex(),_l=E(/^~~?(?:((?!~)punct)|[^\s~])/,"u").replace(/punct/g,Ae).getRegex(),Tl="^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)",El=E(Tl,"gu").replace(/notPunctSpace/g,Gt).replace(/punctSpace/g,wt).replace(/punct/g,Ae).getRegex(),Sl=E(/\\(punct)/,"gu").replace(/punct/g,Ae).getRegex(),Rl=E(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/,"gu").replace(/punct/g,Ae).getRegex(),Cl=E(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme",/[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email",/[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex(),Il=E(jn).replace("(?:-->|$)","-->").getRegex(),Ol=E("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment",Il).replace("attribute",/\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex(),Fi=/\[(?:\\[\s\S]|[^\[\]\\])*\]/,Ir=E(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets",Fi).getRegex(),Pl=E(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label",Ir).replace("href",/<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title",/"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex(),Ll=E(/^!?\[(label)\]\[(ref)\]/).replace("label",Ir).replace("ref",Hn).getRegex(),Dl=E(/^!?\[(ref)\](?:\[\])?/).replace("ref",Hn).getRegex(),Ai=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/,Nl=E(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets",Fi).getRegex(),Ml=E("reflink|nolink(?!\\()","g").replace("reflink",E(/^!?\[(label)\]\[(ref)\]/).replace("label",Nl).replace("ref",Ai).getRegex()).replace("nolink",E(/^!?\[(ref)\](?:\[\])?/).replace("ref",Ai).getRegex()).getRegex(),_i=/[hH][tT][tT][pP][sS]?|[fF][tT][pP]/,Ul=/[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/,zl=E(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g,Ul).getRegex(),qn={_backpedal:ot,anyPunctuation:Sl,anyPunctuationOutsideCode:Rl,autolink:Cl,blockSkip:dl,br:Ui,code:al,del:ot,delLDelim:ot,delRDelim:ot,emStrongLDelim:fl,emStrongRDelimAst:yl,emStrongRDelimUnd:wl,escape:ol,link:Pl,nolink:Dl,punctuation:cl,reflink:Ll,reflinkSearch:Ml,tag:Ol,text:ll,url:ot},Hl={...qn,emStrongLDelim:bl,emStrongRDelimAst:$l,emStrongRDelimUnd:Al,link:E(/^!?\[(label)\]\((.*?)\)/).replace("label",Ir).getRegex(),reflink:E(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label",Ir).getRegex()},Pn={...qn,emStrongRDelimAst:kl,emStrongLDelim:gl,delLDelim:_l,delRDelim:El,url:E(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol",zl).replace("protocol",_i).replace("email",/[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(),_backpedal:/(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/,del:/^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/,text:E(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol",_i).replace(/emailProtocol/g,/(?:mailto|xmpp):/).replace("wwwStart",Li?"(?<![^\\s*_~(])www\\.":"www\\.").getRegex()},jl={...Pn,br:E(Ui).replace("{2,}","*").getRegex(),text:E(Pn.text).replace("\\b_","\\b_| {2,}\\n").replace(/\{2,\}/g,"*").getRegex()},Rr={normal:Fn,gfm:sl,pedantic:il},Ft={normal:qn,gfm:Pn,breaks:jl,pedantic:Hl},Fl={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"},Ti=n=>Fl[n];function ae(n,e){if(e){if(W.escapeTest.test(n))return n.replace(W.escapeReplace,Ti)}else if(W.escapeTestNoEncode.test(n))return n.replace(W.escapeReplaceNoEncode,Ti);return n}function ql(n){return W.numericCharacterReference.test(n)?n.replace(W.numericCharacterReferenceOrAmpersand,(e,t,r)=>{if(t===void 0&&r===void 0)return"&amp;";let s=t===void 0?Number.parseInt(r,16):Number.parseInt(t,10);return s===0||s>1114111||s>=55296&&s<=57343?"�":s===38?"&amp;":String.fromCodePoint(s)}):n}function Ei(n){try{n=encodeURI(n).replace(W.percentDecode,"%")}catch{return null}return n}function Si(n,e){let t=n.replace(W.findPipe,(i,a,l)=>{let c=!1,m=a;for(;--m>=0&&l[m]==="\\";)c=!c;return c?"|":" |"}),r=t.split(W.splitPipe),s=0;if(r[0].trim()||r.shift(),r.length>0&&!r.at(-1)?.trim()&&r.pop(),e)if(r.length>e)r.splice(e);else for(;r.length<e;)r.push("");for(;s<r.length;s++)r[s]=r[s].trim().replace(W.slashPipe,"|");return r}function Oe(n,e,t){let r=n.length;if(r===0)return"";let s=0;for(;s<r;){let i=n.charAt(r-s-1);if(i===e&&!t)s++;else if(i!==e&&t)s++;else break}return n.slice(0,r-s)}function Ri(n){let e=n.split(`
`),t=e.length-1;for(;t>=0&&W.blankLine.test(e[t]);)t--;return e.length-t<=2?n:e.slice(0,t+1).join(`
`)}function Or(n){return n.trim().replace(W.multipleSpaceGlobal," ").toLowerCase().toUpperCase().toLowerCase()}function Ci(n,e){if(n.indexOf(e[0])===-1&&n.indexOf(e[1])===-1)return-1;let t=0;for(let r=0;r<n.length;r++)if(n[r]==="\\")r++;else if(n[r]===e[0])t++;else if(n[r]===e[1]&&(t--,t<0))return r;return t>0?-2:-1}var $t=new WeakMap;function Bn(n){let e={"*":-1,_:-1},t=-1,r=n.length;for(let s=0;s<r;s++){let i=n[s];if(i!=="*"&&i!=="_"&&i!=="~")continue;let a=s===0?`
`:n[s-1],l=s+1;for(;l<r&&n[l]===i;)l++;a!==" "&&a!=="	"&&a!==`
`&&a!=="\r"&&a!=="\f"&&(i==="~"?t=s:e[i]=s),s=l-1}return{maskedSrc:n,lastPossibleEmStrongCloserIndex:e,lastPossibleDelCloserIndex:t}}function Bl(n,e){let t=Bn(e),r=$t.get(n);r?r.push(t):$t.set(n,[t])}function Wl(n){let e=$t.get(n);e&&(e.pop(),e.length===0&&$t.delete(n))}function qi(n,e,t){let r=$t.get(n)?.at(-1);return r&&r.maskedSrc===e?r.lastPossibleEmStrongCloserIndex[t]:Bn(e).lastPossibleEmStrongCloserIndex[t]}function Bi(n,e){let t=$t.get(n)?.at(-1);return t&&t.maskedSrc===e?t.lastPossibleDelCloserIndex:Bn(e).lastPossibleDelCloserIndex}function Cr(n,e=0){let t=e,r="";for(let s of n)if(s==="	"){let i=4-t%4;r+=" ".repeat(i),t+=i}else r+=s,t++;return r}function Gl(n,e){let t="";for(let r=0;r<n.length;r++){if(n[r]==="`"){let s=e.inline.code.exec(n.slice(r));if(s){t+=s[0],r+=s[0].length-1;continue}}if(n[r]==="\\"&&(n[r+1]==="["||n[r+1]==="]")){t+=n[r+1],r++;continue}t+=n[r]}return t}function Ii(n,e,t,r,s){let i=e.href,a=e.title||null,l=Gl(n[1],s),c=n[0].charAt(0)==="!",m=r.state.inLink,h=r.state.linkEmitted,d=r.state.inRawBlock;r.state.inLink=!0,r.state.linkEmitted=!1;let g=r.inlineTokens(l),v=r.state.linkEmitted;if(r.state.linkEmitted=h,r.state.inLink=m,!c){if(v){r.state.inRawBlock=d;return}r.state.linkEmitted=!0}return{type:c?"image":"link",raw:t,href:i,title:a,text:l,tokens:g}}function Vl(n,e,t){let r=n.match(t.other.indentCodeCompensation);if(r===null)return e;let s=r[1];return e.split(`
`).map(i=>{let a=i.match(t.other.beginningSpace);if(a===null)return i;let[l]=a;return i.slice(Math.min(l.length,s.length))}).join(`
`)}function Oi(n,e,t,r){if(!e.includes("<"))return!1;for(let s=0;s<e.length;s++){if(e[s]==="\\"){s++;continue}if(e[s]==="`"){let l=r.inline.code.exec(e.slice(s));if(l){s+=l[0].length-1;continue}}if(e[s]!=="<")continue;let i=n.slice(t+s),a=r.inline.tag.exec(i)||r.inline.autolink.exec(i);if(a){if(a[0].length>e.length-s)return!0;s+=a[0].length-1}}return!1}var at=class{options;rules;lexer;constructor(n){this.options=n||ct}space(n){let e=this.rules.block.newline.exec(n);if(e&&e[0].length>0)return{type:"space",raw:e[0]}}code(n){let e=this.rules.block.code.exec(n);if(e){let t=this.options.pedantic?e[0]:Ri(e[0]),r=t.replace(this.rules.other.codeRemoveIndent,"");return{type:"code",raw:t,codeBlockStyle:"indented",text:r}}}fences(n){let e=this.rules.block.fences.exec(n);if(e){let t=e[0],r=Vl(t,e[3]||"",this.rules);return e[3]!==void 0&&(r===""||r.endsWith(`
`))&&(r+=`
`),{type:"code",raw:t,lang:e[2]?e[2].trim().replace(this.rules.inline.anyPunctuation,"$1"):e[2],text:r}}}heading(n){let e=this.rules.block.heading.exec(n);if(e){let t=e[2].trim();if(this.rules.other.endingHash.test(t)){let r=Oe(t,"#");(this.options.pedantic||!r||this.rules.other.endingSpaceTabChar.test(r))&&(t=r.trim())}return{type:"heading",raw:Oe(e[0],`
`),depth:e[1].length,text:t,tokens:this.lexer.inline(t)}}}hr(n){let e=this.rules.block.hr.exec(n);if(e)return{type:"hr",raw:Oe(e[0],`
`)}}blockquote(n){let e=this.rules.block.blockquote.exec(n);if(e){let t=Oe(e[0],`
`).split(`
`),r="",s="",i=[];for(;t.length>0;){let a=!1,l=[],c;for(c=0;c<t.length;c++)if(this.rules.other.blockquoteStart.test(t[c]))l.push(t[c]),a=!0;else if(!a)l.push(t[c]);else break;t=t.slice(c);let m=l.join(`
`),h=m.replace(this.rules.other.blockquoteMarkerWhitespace,(v,x,C)=>C.startsWith(" ")?x+" "+C.slice(1):x+Cr(C,x.length)).replace(this.rules.other.blockquoteSetextReplace,`
    $1`).replace(this.rules.other.blockquoteSetextReplace2,"");r=r?`${r}
${m}`:m,s=s?`${s}
${h}`:h;let d=this.lexer.state.top;if(this.lexer.state.top=!0,this.lexer.blockTokens(h,i,!0),this.lexer.state.top=d,t.length===0)break;let g=i.at(-1);if(g?.type==="code"||g?.type==="heading"||g?.type==="hr"||g?.type==="html"||g?.type==="table")break;if(g?.type==="blockquote"){let v=g,x=t.join(`
`),C=v.raw+`
`+x.replace(this.rules.other.blockquoteSetextReplace2,""),T=this.blockquote(C);i[i.length-1]=T;let R=C.substring(T.raw.length).replace(/^\n/,""),ne=R?R.split(`
`).length:0,D=ne?t.slice(0,-ne):t;if(D.length>0&&(r=`${r}
${D.join(`
`)}`),s=s.substring(0,s.length-v.text.length)+T.text,t=t.slice(D.length),t.length>0&&this.rules.other.blockquoteStart.test(t[0]))continue;break}else if(g?.type==="list"){let v=g,x=v.raw+`
`+t.join(`
`),C=this.list(x);i[i.length-1]=C;let T=C.raw.length>v.raw.length?x.slice(v.raw.length+1,C.raw.length).split(`
`).length:0;if(T>0){let R=t.slice(0,T).join(`
`);r=`${r}
${R}`,s=`${s}
${R}`}if(t=t.slice(T),t.length>0&&!this.rules.other.blockquoteStart.test(t[0]))break;continue}}return{type:"blockquote",raw:r,tokens:i,text:s}}}list(n){let e=this.rules.block.list.exec(n);if(e){if(!this.options.pedantic&&this.lexer.state.lastToken?.type==="text"&&!this.rules.other.listInterruptsParagraph.test(n))return;let t=n,r=()=>t.length-n.length,s=e[1].trim(),i=s.length>1,a={type:"list",raw:"",ordered:i,start:i?+s.slice(0,-1):"",loose:!1,items:[]};s=i?`\\d{1,9}\\${s.slice(-1)}`:`\\${s}`,this.options.pedantic&&(s=i?s:"[*+-]");let l=this.rules.other.listItemRegex(s),c=!1;for(;n;){let d=!1,g="";if(!(e=l.exec(n))||this.rules.block.hr.test(n))break;let v=r();n=n.substring(e[0].length);let x=e[2].split(`
`,1)[0],C=e[1].length,T=this.options.pedantic?Cr(x,C):x.replace(this.rules.other.leadingSpaceTab,se=>Cr(se,C)),R=n.split(`
`,1)[0],ne=!T.trim(),D=0;if(this.options.pedantic?(D=2,g=T.trimStart()):ne?D=C+1:(D=T.search(this.rules.other.nonSpaceChar),D=D>4?1:D,g=T.slice(D),D+=C),ne&&this.rules.other.blankLine.test(R)&&(n=n.substring(R.length+1),d=!0),!d){let se=this.rules.other.nextBulletRegex(D),Pe=this.rules.other.hrRegex(D),X=this.rules.other.fencesBeginRegex(D),re=this.options.pedantic?this.rules.other.pedanticHeadingBeginRegex(D):this.rules.other.headingBeginRegex(D),Le=this.rules.other.htmlBeginRegex(D),De=this.rules.other.blockquoteBeginRegex(D),K=!1;for(;n;){let be=n.split(`
`,1)[0],ye;if(R=be,this.options.pedantic?(R=R.replace(this.rules.other.listReplaceNesting,"  "),ye=R):ye=R.replace(this.rules.other.leadingSpaceTab,te=>Cr(te)),X.test(R)||re.test(R)||Le.test(R)||De.test(R)||se.test(R)||Pe.test(R))break;if(ye.search(this.rules.other.nonSpaceChar)>=D||!R.trim())g+=`
`+ye.slice(D),K=!1;else{if(ne)break;let te=T;if(!this.options.pedantic&&!g.includes(`
`)&&!T.includes("	")){let _e;for(;!Pe.test(te)&&(_e=this.rules.other.nestedBlockMarker.exec(te));)te=te.slice(_e[0].length);if(!te.trim())break}if(te.replace(this.rules.other.tabCharGlobal,"    ").search(this.rules.other.nonSpaceChar)>=4||X.test(te)||re.test(te)||Le.test(te)||Pe.test(te))break;if(!this.options.pedantic&&!K){let _e=T.replace(this.rules.other.nestedContainerMarkers,"");if(this.rules.block.fences.test(_e)||this.rules.block.heading.test(_e)||this.rules.block.hr.test(_e))break}let We=!this.options.pedantic&&/^ {0,3}(?:=+|-+) *$/.test(R)&&this.rules.block.lheading.test(`${T}
${R}`)?`    ${ye.replace(/^ {0,3}/,"")}`:R;g+=`
`+We,K=!0}ne=!R.trim(),n=n.substring(be.length+1),T=ye.slice(D)}}let ue=t.slice(v,r());a.loose||(c?a.loose=!0:this.rules.other.doubleBlankLine.test(ue)&&(c=!0)),a.items.push({type:"list_item",raw:ue,task:!!this.options.gfm&&this.rules.other.listIsTask.test(g),loose:!1,text:g,tokens:[]})}let m=a.items.at(-1);if(m)m.raw=m.raw.trimEnd(),m.text=m.text.trimEnd();else return;a.raw=t.slice(0,r()).trimEnd();let h=[];for(let d of a.items)if(this.lexer.state.top=!1,h.push(this.lexer.inlineQueue.length),d.tokens=this.lexer.blockTokens(d.text,[]),!a.loose){let g=d.tokens.filter(x=>x.type==="space"),v=g.length>0&&g.some(x=>this.rules.other.anyLine.test(x.raw));a.loose=v}for(let d=0;d<a.items.length;d++){let g=a.items[d],v=g.tokens[0];if(g.task&&(v?.type==="text"||v?.type==="paragraph")){g.text=g.text.replace(this.rules.other.listReplaceTask,""),v.raw=v.raw.replace(this.rules.other.listReplaceTask,""),v.text=v.text.replace(this.rules.other.listReplaceTask,"");let x=this.lexer.inlineQueue;for(let T=h[d];T<x.length;T++)if(x[T].tokens===v.tokens){x[T].src=x[T].src.replace(this.rules.other.listReplaceTask,"");break}let C=this.rules.other.listTaskCheckbox.exec(g.raw);if(C){let T={type:"checkbox",raw:C[0]+" ",checked:C[0]!=="[ ]"};g.checked=T.checked,a.loose?g.tokens[0]&&["paragraph","text"].includes(g.tokens[0].type)&&"tokens"in g.tokens[0]&&g.tokens[0].tokens?(g.tokens[0].raw=T.raw+g.tokens[0].raw,g.tokens[0].text=T.raw+g.tokens[0].text,g.tokens[0].tokens.unshift(T)):g.tokens.unshift({type:"paragraph",raw:T.raw,text:T.raw,tokens:[T]}):g.tokens.unshift(T)}}else g.task&&(g.task=!1)}if(a.loose)for(let d of a.items){d.loose=!0;for(let g of d.tokens)g.type==="text"&&(g.type="paragraph")}return a}}html(n){let e=this.rules.block.html.exec(n);if(e){if(this.lexer.state.lastToken?.type==="paragraph"&&!this.rules.other.htmlBeginRegex(4).test(n))return;let t=Ri(e[0]);return{type:"html",block:!0,raw:t,pre:e[1]==="pre"||e[1]==="script"||e[1]==="style",text:t}}}def(n){let e=this.rules.block.def.exec(n);if(e){if(!this.rules.other.startAngleBracket.test(e[2])&&Ci(e[2],"()")!==-1)return;let t=Or(e[1]),r=e[2]?e[2].replace(this.rules.other.hrefBrackets,"$1").replace(this.rules.inline.anyPunctuation,"$1"):"",s=e[3]?e[3].substring(1,e[3].length-1).replace(this.rules.inline.anyPunctuation,"$1"):e[3];return{type:"def",tag:t,raw:Oe(e[0],`
`),href:r,title:s}}}table(n){let e=this.rules.block.table.exec(n);if(!e||!this.rules.other.tableDelimiter.test(e[2]))return;let t=Si(e[1]),r=e[2].replace(this.rules.other.tableAlignChars,"").split("|"),s=e[3]?.trim()?e[3].replace(this.rules.other.tableRowBlankLine,"").split(`
`):[],i={type:"table",raw:Oe(e[0],`
`),header:[],align:[],rows:[]};if(t.length===r.length){for(let a of r)this.rules.other.tableAlignRight.test(a)?i.align.push("right"):this.rules.other.tableAlignCenter.test(a)?i.align.push("center"):this.rules.other.tableAlignLeft.test(a)?i.align.push("left"):i.align.push(null);for(let a=0;a<t.length;a++)i.header.push({text:t[a],tokens:this.lexer.inline(t[a]),header:!0,align:i.align[a]});for(let a of s)i.rows.push(Si(a,i.header.length).map((l,c)=>({text:l,tokens:this.lexer.inline(l),header:!1,align:i.align[c]})));return i}}lheading(n){let e=this.rules.block.lheading.exec(n);if(e){let t=e[1].trim();return{type:"heading",raw:Oe(e[0],`
`),depth:e[2].charAt(0)==="="?1:2,text:t,tokens:this.lexer.inline(t)}}}paragraph(n){let e=this.rules.block.paragraph.exec(n);if(e){let t=e[1].charAt(e[1].length-1)===`
`?e[1].slice(0,-1):e[1];return{type:"paragraph",raw:e[0],text:t,tokens:this.lexer.inline(t)}}}text(n){let e=this.rules.block.text.exec(n);if(e)return{type:"text",raw:e[0],text:e[0],tokens:this.lexer.inline(e[0])}}escape(n){if(n.charCodeAt(0)!==92)return;let e=this.rules.inline.escape.exec(n);if(e)return{type:"escape",raw:e[0],text:e[1]}}tag(n){if(n.charCodeAt(0)!==60)return;let e=this.rules.inline.tag.exec(n);if(e)return!this.lexer.state.inLink&&this.rules.other.startATag.test(e[0])?this.lexer.state.inLink=!0:this.lexer.state.inLink&&this.rules.other.endATag.test(e[0])&&(this.lexer.state.inLink=!1),!this.lexer.state.inRawBlock&&this.rules.other.startPreScriptTag.test(e[0])?this.lexer.state.inRawBlock=!0:this.lexer.state.inRawBlock&&this.rules.other.endPreScriptTag.test(e[0])&&(this.lexer.state.inRawBlock=!1),{type:"html",raw:e[0],inLink:this.lexer.state.inLink,inRawBlock:this.lexer.state.inRawBlock,block:!1,text:e[0]}}link(n){if(this.lexer.state.linkParenPossible===!1)return;let e=n.charCodeAt(0);if(e!==91&&e!==33)return;let t=this.rules.inline.link.exec(n);if(t){let r=t[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&Oi(n,t[1],r,this.rules))return;let s=t[2].trim();if(!this.options.pedantic&&this.rules.other.startAngleBracket.test(s)){if(!this.rules.other.endAngleBracket.test(s))return;let c=Oe(s.slice(0,-1),"\\");if((s.length-c.length)%2===0)return}else{let c=Ci(t[2],"()");if(c===-2)return;if(c>-1){let m=(t[0].indexOf("!")===0?5:4)+t[1].length+c;t[2]=t[2].substring(0,c),t[0]=t[0].substring(0,m).trim(),t[3]=""}}let i=Oe(t[0].slice(0,-1),"\\");if((t[0].length-i.length)%2===0)return;let a=t[2],l="";if(this.options.pedantic){let c=this.rules.other.pedanticHrefTitle.exec(a);c&&(a=c[1],l=c[3])}else l=t[3]?t[3].slice(1,-1):"";return a=a.trim(),this.rules.other.startAngleBracket.test(a)&&(this.options.pedantic&&!this.rules.other.endAngleBracket.test(s)?a=a.slice(1):a=a.slice(1,-1)),Ii(t,{href:a&&a.replace(this.rules.inline.anyPunctuation,"$1"),title:l&&l.replace(this.rules.inline.anyPunctuation,"$1")},t[0],this.lexer,this.rules)}}reflink(n,e){let t=n.charCodeAt(0);if(t!==91&&t!==33)return;let r;if((r=this.rules.inline.reflink.exec(n))||(r=this.rules.inline.nolink.exec(n))){let s=r[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&Oi(n,r[1],s,this.rules))return;let i=e[Or(r[2]||r[1])];if(!i){let a=r[0].charAt(0);return{type:"text",raw:a,text:a}}return Ii(r,i,r[0],this.lexer,this.rules)}}emStrong(n,e,t=""){let r=this.rules.inline.emStrongLDelim.exec(n);if(!r||!r[1]&&!r[2]&&!r[3]&&!r[4])return;let s=r[0][0],i=t===s,a=e.length-n.length,l=a;for(;!this.options.pedantic&&l>0&&e[l-1]===s;)l--;let c=[...e.slice(Math.max(0,l-2),l)].at(-1)??"",m=c==="*"||c==="_"||!!this.rules.inline.punctuation.exec(c);l<a&&(t=c);let h=l<a?m:t==="*"||t==="_"||!!this.rules.inline.punctuation.exec(t);if(r[4]&&t.match(this.rules.other.unicodeAlphaNumeric))return;let d=r[1]||r[3]||"";if(!d||!t||h){let g=[...r[0]].length-1,v,x,C=g,T=0,R=a-l+g,ne=!this.options.pedantic&&!!c.trim()&&(!!d||s==="*"&&!m);if(s!=="*"&&s!=="_")return;let D=s==="*"?this.rules.inline.emStrongRDelimAst:this.rules.inline.emStrongRDelimUnd,ue=qi(this,e,s),se=e.length-n.length+g;if(ue<se)return;e=e.slice(-1*n.length+g);let Pe=ue-se;for(D.lastIndex=0;(r=D.exec(e))!==null&&!(r.index>Pe);){if(v=r[1]||r[2]||r[3]||r[4]||r[5]||r[6],!v)continue;if(x=[...v].length,r[3]||r[4]){C+=x;continue}else if((r[5]||r[6]||ne)&&R%3&&!((R+x)%3)){if(i&&(r[5]||r[6]))break;T+=x;continue}if(C-=x,C>0)continue;x=Math.min(x,x+C+T);let X=[...r[0]][0].length,re=n.slice(0,g+r.index+X+x);if(Math.min(g,x)%2){let De=re.slice(1,-1);return{type:"em",raw:re,text:De,tokens:this.lexer.inlineTokens(De)}}let Le=re.slice(2,-2);return{type:"strong",raw:re,text:Le,tokens:this.lexer.inlineTokens(Le)}}}}codespan(n){if(n.charCodeAt(0)!==96)return;let e=this.rules.inline.code.exec(n);if(e){let t=e[2].replace(this.rules.other.newLineCharGlobal," "),r=this.rules.other.nonSpaceChar.test(t),s=this.rules.other.startingSpaceChar.test(t)&&this.rules.other.endingSpaceChar.test(t);return r&&s&&(t=t.substring(1,t.length-1)),{type:"codespan",raw:e[0],text:t}}}br(n){let e=n.charCodeAt(0);if(e!==32&&e!==92&&e!==10)return;let t=this.rules.inline.br.exec(n);if(t)return{type:"br",raw:t[0]}}del(n,e,t=""){if(n.charCodeAt(0)!==126)return;let r=this.rules.inline.delLDelim.exec(n);if(r&&(!r[1]||!t||this.rules.inline.punctuation.exec(t))){let s=[...r[0]].length-1,i,a,l=s,c=this.rules.inline.delRDelim,m=Bi(this,e),h=e.length-n.length+s;if(m<h)return;e=e.slice(-1*n.length+s);let d=m-h;for(c.lastIndex=0;(r=c.exec(e))!==null&&!(r.index>d);){if(i=r[1]||r[2]||r[3]||r[4]||r[5]||r[6],!i||(a=[...i].length,a!==s))continue;if(r[3]||r[4]){l+=a;continue}if(l-=a,l>0)continue;a=Math.min(a,a+l);let g=[...r[0]][0].length,v=n.slice(0,s+r.index+g+a),x=v.slice(s,-s);return{type:"del",raw:v,text:x,tokens:this.lexer.inlineTokens(x)}}}}autolink(n){if(n.charCodeAt(0)!==60)return;let e=this.rules.inline.autolink.exec(n);if(e){let t,r;return e[2]==="@"?(t=e[1],r="mailto:"+t):(t=e[1],r=t),{type:"link",raw:e[0],text:t,href:r,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}url(n){let e;if(e=this.rules.inline.url.exec(n)){let t,r;if(e[2]==="@")t=e[0],r="mailto:"+t;else{let s;do s=e[0],e[0]=this.rules.inline._backpedal.exec(e[0])?.[0]??"";while(s!==e[0]);t=e[0],e[1]==="www."?r="http://"+e[0]:r=e[0]}return{type:"link",raw:e[0],text:t,href:r,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}inlineText(n){let e=this.rules.inline.text.exec(n);if(e){let t=this.lexer.state.inRawBlock;return{type:"text",raw:e[0],text:t?e[0]:ql(e[0]),escaped:t}}}},ge=class Ln{tokens;options;state;inlineQueue;tokenizer;constructor(e){this.tokens=[],this.tokens.links=Object.create(null),this.options=e||ct,this.options.tokenizer=this.options.tokenizer||new at,this.tokenizer=this.options.tokenizer,this.tokenizer.options=this.options,this.tokenizer.lexer=this,this.inlineQueue=[],this.state={inLink:!1,inRawBlock:!1,linkEmitted:!1,linkParenPossible:!0,top:!0};let t={other:W,block:Rr.normal,inline:Ft.normal};this.options.pedantic?(t.block=Rr.pedantic,t.inline=Ft.pedantic):this.options.gfm&&(t.block=Rr.gfm,this.options.breaks?t.inline=Ft.breaks:t.inline=Ft.gfm),this.tokenizer.rules=t}static get rules(){return{block:Rr,inline:Ft}}static lex(e,t){return new Ln(t).lex(e)}static lexInline(e,t){return new Ln(t).inlineTokens(e)}lex(e){e=e.replace(W.carriageReturn,`
`),this.blockTokens(e,this.tokens);for(let t=0;t<this.inlineQueue.length;t++){let r=this.inlineQueue[t];this.state.inRawBlock=!1,this.inlineTokens(r.src,r.tokens)}return this.inlineQueue=[],this.tokens}blockTokens(e,t=[],r=!1){this.tokenizer.lexer=this;let s=this.state.lastToken;this.options.pedantic&&(e=e.replace(W.tabCharGlobal,"    ").replace(W.spaceLine,""));let i=1/0,a,l=this.options.gfm&&!this.options.pedantic&&this.tokenizer.paragraph===at.prototype.paragraph;for(;e;){if(e.length<i)i=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}this.state.lastToken=t.at(-1);let c;if(this.options.extensions?.block?.some(h=>(c=h.call({lexer:this},e,t))?(e=e.substring(c.raw.length),t.push(c),!0):!1))continue;if(c=this.tokenizer.space(e)){e=e.substring(c.raw.length);let h=t.at(-1);c.raw.length===1&&h!==void 0?h.raw+=`
`:t.push(c);continue}if(c=this.tokenizer.code(e)){e=e.substring(c.raw.length);let h=t.at(-1);h?.type==="paragraph"||h?.type==="text"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+c.raw,h.text+=`
`+c.text,this.inlineQueue.at(-1).src=h.text):t.push(c);continue}if(c=this.tokenizer.fences(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.heading(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.hr(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.blockquote(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.list(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.html(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.def(e)){e=e.substring(c.raw.length);let h=t.at(-1);h?.type==="paragraph"||h?.type==="text"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+c.raw,h.text+=`
`+c.raw,this.inlineQueue.at(-1).src=h.text):(this.tokens.links[c.tag]||(this.tokens.links[c.tag]={href:c.href,title:c.title}),t.push(c));continue}if(c=this.tokenizer.table(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.lheading(e)){e=e.substring(c.raw.length),t.push(c);continue}let m=e;if(this.options.extensions?.startBlock){let h=1/0,d=e.slice(1),g;this.options.extensions.startBlock.forEach(v=>{g=v.call({lexer:this},d),typeof g=="number"&&g>=0&&(h=Math.min(h,g))}),h<1/0&&h>=0&&(m=e.substring(0,h+1))}if(this.state.top&&(c=this.tokenizer.paragraph(m))){let h=t.at(-1);(r||h===a&&l)&&h?.type==="paragraph"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+c.raw,h.text+=`
`+c.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=h.text,a=h):(t.push(c),a=c),r=m.length!==e.length,e=e.substring(c.raw.length);continue}if(c=this.tokenizer.text(e)){e=e.substring(c.raw.length);let h=t.at(-1);h?.type==="text"?(h.raw+=(h.raw.endsWith(`
`)?"":`
`)+c.raw,h.text+=`
`+c.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=h.text):t.push(c);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return this.state.top=!0,this.state.lastToken=s,t}inline(e,t=[]){return this.inlineQueue.push({src:e,tokens:t}),t}linkInText(e){if(!e.includes("["))return!1;let t=this.tokenizer.rules.inline.link;for(let r of e.matchAll(this.tokenizer.rules.inline.blockSkip))if(t.test(r[0])&&e.charAt(r.index-1)!=="!")return!0;for(let r of e.matchAll(this.tokenizer.rules.inline.reflinkSearch)){let s=r[0],i=s.lastIndexOf("[");if(!(s.charAt(0)==="!"||!Object.hasOwn(this.tokens.links,Or(s.slice(i+1,-1))))&&!(i>1&&this.linkInText(s.slice(1,i-1))))return!0}return!1}inlineTokens(e,t=[]){this.tokenizer.lexer=this;let r=this.state.linkParenPossible;this.state.linkParenPossible=e.includes(")");try{return this.#t(e,t)}finally{this.state.linkParenPossible=r}}#t(e,t){let r=e.includes("*")||e.includes("_")||e.includes("~"),s=r||this.options.hooks?.emStrongMask||this.tokenizer.emStrong!==at.prototype.emStrong||this.tokenizer.del!==at.prototype.del?this.#n(e):e;if(!r)return this.#e(e,s,t);Bl(this.tokenizer,s);try{return this.#e(e,s,t)}finally{Wl(this.tokenizer)}}#e(e,t,r){let s=!1,i="",a=1/0;for(;e;){if(e.length<a)a=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}s||(i=""),s=!1;let l;if(this.options.extensions?.inline?.some(h=>(l=h.call({lexer:this},e,r))?(e=e.substring(l.raw.length),r.push(l),!0):!1))continue;if(l=this.tokenizer.escape(e)){e=e.substring(l.raw.length),r.push(l);continue}if(l=this.tokenizer.tag(e)){e=e.substring(l.raw.length),r.push(l);continue}if(l=this.tokenizer.link(e)){e=e.substring(l.raw.length),r.push(l);continue}if(l=this.tokenizer.reflink(e,this.tokens.links)){e=e.substring(l.raw.length);let h=r.at(-1);l.type==="text"&&h?.type==="text"?(h.raw+=l.raw,h.text+=l.text):r.push(l);continue}let c=e[0];if(c==="*"||c==="_"){let h=t.length-e.length;if(qi(this.tokenizer,t,c)<=h){let d=1;for(;d<e.length&&e.charCodeAt(d)===c.charCodeAt(0);)d++;let g=e.substring(0,d),v=r.at(-1);v?.type==="text"&&!v.escaped?(v.raw+=g,v.text+=g):r.push({type:"text",raw:g,text:g,escaped:!1}),e=e.substring(d),i=c,s=!0;continue}}else if(c==="~"){let h=t.length-e.length;if(Bi(this.tokenizer,t)<=h){let d=1;for(;d<e.length&&e.charCodeAt(d)===126;)d++;let g=e.substring(0,d),v=r.at(-1);v?.type==="text"&&!v.escaped?(v.raw+=g,v.text+=g):r.push({type:"text",raw:g,text:g,escaped:!1}),e=e.substring(d),i=c,s=!0;continue}}if(l=this.tokenizer.emStrong(e,t,i)){e=e.substring(l.raw.length),r.push(l);continue}if(l=this.tokenizer.codespan(e)){e=e.substring(l.raw.length),r.push(l);continue}if(l=this.tokenizer.br(e)){e=e.substring(l.raw.length),r.push(l);continue}if(l=this.tokenizer.del(e,t,i)){e=e.substring(l.raw.length),r.push(l);continue}if(l=this.tokenizer.autolink(e)){e=e.substring(l.raw.length),r.push(l);continue}if(!this.state.inLink&&(l=this.tokenizer.url(e))){e=e.substring(l.raw.length),r.push(l);continue}let m=e;if(this.options.extensions?.startInline){let h=1/0,d=e.slice(1),g;this.options.extensions.startInline.forEach(v=>{g=v.call({lexer:this},d),typeof g=="number"&&g>=0&&(h=Math.min(h,g))}),h<1/0&&h>=0&&(m=e.substring(0,h+1))}if(l=this.tokenizer.inlineText(m)){e=e.substring(l.raw.length),l.raw.slice(-1)!=="_"&&(i=l.raw.slice(-1)),s=!0;let h=r.at(-1);h?.type==="text"?(h.raw+=l.raw,h.text+=l.text):r.push(l);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return r}#r(e){let{blockSkip:t,tag:r,autolink:s}=this.tokenizer.rules.inline,i="",a=0,l;for(t.lastIndex=0;l=t.exec(e);){let c=l.index+(l[2]?l[2].length:0),m=l.index+l[0].length;if(e.charAt(c)==="<"){let h=e.slice(c),d=r.exec(h)||s.exec(h);if(!d){t.lastIndex=c+1;continue}m=c+d[0].length,t.lastIndex=m}i+=e.slice(a,c)+"["+"a".repeat(m-c-2)+"]",a=m}return i+e.slice(a)}#n(e){let t=e;if(this.tokens.links&&e.includes("[")){let r=this.tokenizer.rules.inline.reflinkSearch,s=i=>{let a=i.lastIndexOf("[");if(!Object.hasOwn(this.tokens.links,Or(i.slice(a+1,-1))))return i;if(a>1&&i.charAt(0)!=="!"){let l=i.slice(1,a-1);if(this.linkInText(l))return"["+l.replace(r,s)+"]["+"a".repeat(i.length-a-2)+"]"}return"["+"a".repeat(i.length-2)+"]"};t=t.replace(r,s)}return t=t.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode,(r,s,i)=>i?"+".repeat(r.length):s?s+r.slice(s.length,-s.length).replace(/`/g,"+")+s:r),t=this.#r(t),t=this.options.hooks?.emStrongMask?.call({lexer:this},t)??t,t}infiniteLoopError(e){let t="Infinite loop on byte: "+e;if(this.options.silent)console.error(t);else throw new Error(t)}},Pr=class{options;parser;constructor(n){this.options=n||ct}space(n){return""}code({text:n,lang:e,escaped:t}){let r=(e||"").match(W.notSpaceStart)?.[0],s=n?n.replace(W.endingNewline,"")+`
`:"";return r?'<pre><code class="language-'+ae(r)+'">'+(t?s:ae(s,!0))+`</code></pre>
`:"<pre><code>"+(t?s:ae(s,!0))+`</code></pre>
`}blockquote({tokens:n}){return`<blockquote>
${this.parser.parse(n)}</blockquote>
`}html({text:n}){return n}def(n){return""}heading({tokens:n,depth:e}){return`<h${e}>${this.parser.parseInline(n)}</h${e}>
`}hr(n){return`<hr>
`}list(n){let e=n.ordered,t=n.start,r="";for(let a=0;a<n.items.length;a++){let l=n.items[a];r+=this.listitem(l)}let s=e?"ol":"ul",i=e&&t!==1?' start="'+t+'"':"";return"<"+s+i+`>
`+r+"</"+s+`>
`}listitem(n){return`<li>${this.parser.parse(n.tokens)}</li>
`}checkbox({checked:n}){return"<input "+(n?'checked="" ':"")+'disabled="" type="checkbox"> '}paragraph({tokens:n}){return`<p>${this.parser.parseInline(n)}</p>
`}table(n){let e="",t="";for(let s=0;s<n.header.length;s++)t+=this.tablecell(n.header[s]);e+=this.tablerow({text:t});let r="";for(let s=0;s<n.rows.length;s++){let i=n.rows[s];t="";for(let a=0;a<i.length;a++)t+=this.tablecell(i[a]);r+=this.tablerow({text:t})}return r&&(r=`<tbody>${r}</tbody>`),`<table>
<thead>
`+e+`</thead>
`+r+`</table>
`}tablerow({text:n}){return`<tr>
${n}</tr>
`}tablecell(n){let e=this.parser.parseInline(n.tokens),t=n.header?"th":"td";return(n.align?`<${t} align="${n.align}">`:`<${t}>`)+e+`</${t}>
`}strong({tokens:n}){return`<strong>${this.parser.parseInline(n)}</strong>`}em({tokens:n}){return`<em>${this.parser.parseInline(n)}</em>`}codespan({text:n}){return`<code>${ae(n,!0)}</code>`}br(n){return"<br>"}del({tokens:n}){return`<del>${this.parser.parseInline(n)}</del>`}link({href:n,title:e,text:t,tokens:r,autolink:s}){let i=s?ae(t,!0):this.parser.parseInline(r),a=Ei(n);if(a===null)return i;n=ae(a,s);let l='<a href="'+n+'"';return e&&(l+=' title="'+ae(e)+'"'),l+=">"+i+"</a>",l}image({href:n,title:e,text:t,tokens:r}){r&&(t=this.parser.parseInline(r,this.parser.textRenderer));let s=Ei(n);if(s===null)return ae(t);n=s;let i=`<img src="${ae(n)}" alt="${ae(t)}"`;return e&&(i+=` title="${ae(e)}"`),i+=">",i}text(n){return"tokens"in n&&n.tokens?this.parser.parseInline(n.tokens):"escaped"in n&&n.escaped?n.text:ae(n.text)}},Wn=class{parser;strong({text:n,tokens:e}){return e?this.parser.parseInline(e,this):n}em({text:n,tokens:e}){return e?this.parser.parseInline(e,this):n}codespan({text:n}){return n}del({text:n,tokens:e}){return e?this.parser.parseInline(e,this):n}html({text:n}){return n}text({text:n}){return n}link({text:n,tokens:e}){return e?this.parser.parseInline(e,this):n}image({text:n,tokens:e}){return e?this.parser.parseInline(e,this):n}br(){return`
`}checkbox({raw:n}){return n}},me=class Dn{options;renderer;textRenderer;constructor(e){this.options=e||ct,this.options.renderer=this.options.renderer||new Pr,this.renderer=this.options.renderer,this.renderer.options=this.options,this.renderer.parser=this,this.textRenderer=new Wn,this.textRenderer.parser=this}static parse(e,t){return new Dn(t).parse(e)}static parseInline(e,t){return new Dn(t).parseInline(e)}parse(e){this.renderer.parser=this;let t="";for(let r=0;r<e.length;r++){let s=e[r];if(this.options.extensions?.renderers?.[s.type]){let a=s,l=this.options.extensions.renderers[a.type].call({parser:this},a);if(l!==!1||!["space","hr","heading","code","table","blockquote","list","checkbox","html","def","paragraph","text"].includes(a.type)){t+=l===!1?"":l??"";continue}}let i=s;switch(i.type){case"space":{t+=this.renderer.space(i);break}case"hr":{t+=this.renderer.hr(i);break}case"heading":{t+=this.renderer.heading(i);break}case"code":{t+=this.renderer.code(i);break}case"table":{t+=this.renderer.table(i);break}case"blockquote":{t+=this.renderer.blockquote(i);break}case"list":{t+=this.renderer.list(i);break}case"checkbox":{t+=this.renderer.checkbox(i);break}case"html":{t+=this.renderer.html(i);break}case"def":{t+=this.renderer.def(i);break}case"paragraph":{t+=this.renderer.paragraph(i);break}case"text":{t+=this.renderer.text(i);break}default:{let a='Token with "'+i.type+'" type was not found.';if(this.options.silent)return console.error(a),"";throw new Error(a)}}}return t}parseInline(e,t=this.renderer){this.renderer.parser=this;let r="";for(let s=0;s<e.length;s++){let i=e[s];if(this.options.extensions?.renderers?.[i.type]){let l=this.options.extensions.renderers[i.type].call({parser:this},i);if(l!==!1||!["escape","html","link","image","checkbox","strong","em","codespan","br","del","text"].includes(i.type)){r+=l===!1?"":l??"";continue}}let a=i;switch(a.type){case"escape":{r+=t.text(a);break}case"html":{r+=t.html(a);break}case"link":{r+=t.link(a);break}case"image":{r+=t.image(a);break}case"checkbox":{r+=t.checkbox(a);break}case"strong":{r+=t.strong(a);break}case"em":{r+=t.em(a);break}case"codespan":{r+=t.codespan(a);break}case"br":{r+=t.br(a);break}case"del":{r+=t.del(a);break}case"text":{r+=t.text(a);break}default:{let l='Token with "'+a.type+'" type was not found.';if(this.options.silent)return console.error(l),"";throw new Error(l)}}}return r}},qt=class{options;block;constructor(n){this.options=n||ct}static passThroughHooks=new Set(["preprocess","postprocess","processAllTokens","emStrongMask"]);static passThroughHooksRespectAsync=new Set(["preprocess","postprocess","processAllTokens"]);preprocess(n){return n}postprocess(n){return n}processAllTokens(n){return n}emStrongMask(n){return n}provideLexer(n=this.block){return n?ge.lex:ge.lexInline}provideParser(n=this.block){return n?me.parse:me.parseInline}};function Be(n,e){if(Array.isArray(e))for(let t=0;t<e.length;t++)n.push(e[t]);else n.push(e)}var Yl=class{defaults=Nn();options=this.setOptions;parse=this.parseMarkdown(!0);parseInline=this.parseMarkdown(!1);Parser=me;Renderer=Pr;TextRenderer=Wn;Lexer=ge;Tokenizer=at;Hooks=qt;constructor(...n){this.use(...n)}walkTokens(n,e){let t=[];for(let r of n)switch(Be(t,e.call(this,r)),r.type){case"table":{let s=r;for(let i of s.header)Be(t,this.walkTokens(i.tokens,e));for(let i of s.rows)for(let a of i)Be(t,this.walkTokens(a.tokens,e));break}case"list":{let s=r;Be(t,this.walkTokens(s.items,e));break}default:{let s=r;this.defaults.extensions?.childTokens?.[s.type]?this.defaults.extensions.childTokens[s.type].forEach(i=>{let a=s[i].flat(1/0);Be(t,this.walkTokens(a,e))}):s.tokens&&Be(t,this.walkTokens(s.tokens,e))}}return t}use(...n){let e=this.defaults.extensions||{renderers:Object.create(null),childTokens:Object.create(null)};return n.forEach(t=>{let r={...t};if(r.async=this.defaults.async||r.async||!1,t.extensions&&(t.extensions.forEach(s=>{if(!s.name)throw new Error("extension name required");if("renderer"in s){let i=e.renderers[s.name];i?e.renderers[s.name]=function(...a){let l=s.renderer.apply(this,a);return l===!1&&(l=i.apply(this,a)),l}:e.renderers[s.name]=s.renderer}if("tokenizer"in s){if(!s.level||s.level!=="block"&&s.level!=="inline")throw new Error("extension level must be 'block' or 'inline'");let i=e[s.level];i?i.unshift(s.tokenizer):e[s.level]=[s.tokenizer],s.start&&(s.level==="block"?e.startBlock?e.startBlock.push(s.start):e.startBlock=[s.start]:s.level==="inline"&&(e.startInline?e.startInline.push(s.start):e.startInline=[s.start]))}"childTokens"in s&&s.childTokens&&(e.childTokens[s.name]=s.childTokens)}),r.extensions=e),t.renderer){let s=this.defaults.renderer||new Pr(this.defaults);for(let i in t.renderer){if(!(i in s))throw new Error(`renderer '${i}' does not exist`);if(["options","parser"].includes(i))continue;let a=i,l=t.renderer[a],c=s[a];s[a]=(...m)=>{let h=l.apply(s,m);return h===!1&&(h=c.apply(s,m)),h===!1?"":h??""}}r.renderer=s}if(t.tokenizer){let s=this.defaults.tokenizer||new at(this.defaults);for(let i in t.tokenizer){if(!(i in s))throw new Error(`tokenizer '${i}' does not exist`);if(["options","rules","lexer"].includes(i))continue;let a=i,l=t.tokenizer[a],c=s[a];s[a]=(...m)=>{let h=l.apply(s,m);return h===!1&&(h=c.apply(s,m)),h}}r.tokenizer=s}if(t.hooks){let s=this.defaults.hooks||new qt;for(let i in t.hooks){if(!(i in s))throw new Error(`hook '${i}' does not exist`);if(["options","block"].includes(i))continue;let a=i,l=t.hooks[a],c=s[a];qt.passThroughHooks.has(i)?s[a]=m=>{if(s.options.async&&qt.passThroughHooksRespectAsync.has(i))return(async()=>{let d=await l.call(s,m);return c.call(s,d)})();let h=l.call(s,m);return c.call(s,h)}:s[a]=(...m)=>{if(s.options.async)return(async()=>{let d=await l.apply(s,m);return d===!1&&(d=await c.apply(s,m)),d})();let h=l.apply(s,m);return h===!1&&(h=c.apply(s,m)),h}}r.hooks=s}if(t.walkTokens){let s=this.defaults.walkTokens,i=t.walkTokens;r.walkTokens=function(a){let l=[];return Be(l,i.call(this,a)),s&&Be(l,s.call(this,a)),l}}this.defaults={...this.defaults,...r}}),this}setOptions(n){return this.defaults={...this.defaults,...n},this}lexer(n,e){return ge.lex(n,e??this.defaults)}parser(n,e){return me.parse(n,e??this.defaults)}parseMarkdown(n){return(e,t)=>{let r={...t},s={...this.defaults,...r},i=this.onError(!!s.silent,!!s.async);if(this.defaults.async===!0&&r.async===!1)return i(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));if(typeof e>"u"||e===null)return i(new Error("marked(): input parameter is undefined or null"));if(typeof e!="string")return i(new Error("marked(): input parameter is of type "+Object.prototype.toString.call(e)+", string expected"));if(s.hooks&&(s.hooks.options=s,s.hooks.block=n),s.async)return(async()=>{let a=s.hooks?await s.hooks.preprocess(e):e,l=await(s.hooks?await s.hooks.provideLexer(n):n?ge.lex:ge.lexInline)(a,s),c=s.hooks?await s.hooks.processAllTokens(l):l;s.walkTokens&&await Promise.all(this.walkTokens(c,s.walkTokens));let m=await(s.hooks?await s.hooks.provideParser(n):n?me.parse:me.parseInline)(c,s);return s.hooks?await s.hooks.postprocess(m):m})().catch(i);try{s.hooks&&(e=s.hooks.preprocess(e));let a=(s.hooks?s.hooks.provideLexer(n):n?ge.lex:ge.lexInline)(e,s);s.hooks&&(a=s.hooks.processAllTokens(a)),s.walkTokens&&this.walkTokens(a,s.walkTokens);let l=(s.hooks?s.hooks.provideParser(n):n?me.parse:me.parseInline)(a,s);return s.hooks&&(l=s.hooks.postprocess(l)),l}catch(a){return i(a)}}}onError(n,e){return t=>{if(t.message+=`
Please report this to https://github.com/markedjs/marked.`,n){let r="<p>An error occurred:</p><pre>"+ae(t.message+"",!0)+"</pre>";return e?Promise.resolve(r):r}if(e)return Promise.reject(t);throw t}}},lt=new Yl;function L(n,e){return lt.parse(n,e)}L.options=L.setOptions=function(n){return lt.setOptions(n),L.defaults=lt.defaults,Pi(L.defaults),L};L.getDefaults=Nn;L.defaults=ct;function Kl(...n){return lt.use(...n),L.defaults=lt.defaults,Pi(L.defaults),L}L.use=Kl;L.walkTokens=function(n,e){return lt.walkTokens(n,e)};L.parseInline=lt.parseInline;L.Parser=me;L.parser=me.parse;L.Renderer=Pr;L.TextRenderer=Wn;L.Lexer=ge;L.lexer=ge.lex;L.Tokenizer=at;L.Hooks=qt;L.parse=L;var Cu=L.options,Iu=L.setOptions,Ou=L.walkTokens,Pu=L.parseInline;var Lu=me.parse,Du=ge.lex;var Zl=["p","br","strong","em","del","code","pre","blockquote","ul","ol","li","h1","h2","h3","h4","h5","h6","a","hr","table","thead","tbody","tr","th","td"];function xt(n){let e=L.parse(n,{async:!1,gfm:!0,breaks:!0});return wi.sanitize(e,{ALLOWED_TAGS:Zl,ALLOWED_ATTR:["href","title"],ALLOWED_URI_REGEXP:/^(?:https?:|mailto:|#)/i})}var Ql=0,q=class extends Q{constructor(){super(...arguments);this.serverErrors=[];this.scopes=[];this.tagSuggestions=[];this.storage=null;this.busy=!1;this.heading="New note";this.submitLabel="Save note";this.allowFollowUp=!1;this.findAgents=null;this.knownAgents=[];this.errors=[];this.preview=!1;this.draftFields=null;this.tagText="";this.agents=new xr(this,()=>this.findAgents);this.openedAt=null;this.uid=`f${++Ql}`}connectedCallback(){super.connectedCallback();let t=this.storage?.loadDraft();t&&(this.draftFields=t.fields,this.openedAt=t.openedAt)}willUpdate(t){t.has("initial")&&this.initial&&(this.fields={...this.initial,...this.draftFields},this.draftFields=null),t.has("serverErrors")&&(this.errors=[...$r(this.fields),...this.serverErrors])}reset(t){this.fields=t,this.openedAt=null,this.errors=[],this.preview=!1,this.tagText="",this.storage?.saveDraft(null)}open(){this.openedAt===null&&(this.openedAt=Date.now(),this.persist())}persist(){this.storage?.saveDraft({fields:this.fields,openedAt:this.openedAt})}change(t,r){this.open(),this.fields={...this.fields,[t]:r};let s=$r(this.fields);this.errors=[...this.errors.filter(i=>i.code!=="TOO_LONG"||i.field!==t),...s.filter(i=>i.field===t)],this.persist()}addTag(){let t=je(`${this.fields.tags},${this.tagText}`);this.tagText="",this.change("tags",t.join(", "))}removeTag(t){this.change("tags",je(this.fields.tags).filter(r=>r!==t).join(", "))}onTagKey(t){(t.key==="Enter"||t.key===",")&&!t.ctrlKey&&!t.metaKey&&(t.preventDefault(),this.tagText.trim()&&this.addTag())}onKey(t){t.key==="Enter"&&(t.ctrlKey||t.metaKey)&&(t.preventDefault(),this.submit())}submit(){if(this.busy)return;this.tagText.trim()&&this.addTag();let t=$r(this.fields);if(this.fields.followUp&&!this.fields.dueAt&&t.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),this.fields.scope||t.push({field:"scope",code:"REQUIRED",message:"Choose a visibility."}),t.length){this.errors=t,this.focusFirstError();return}let r=this.openedAt===null?null:Math.max(0,Date.now()-this.openedAt);this.dispatchEvent(new CustomEvent("note-submit",{detail:{fields:this.fields,creationMs:r},bubbles:!0,composed:!0}))}async focusFirstError(){await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let t=this.fields,r=l=>`${this.uid}-${l}`,s=l=>ri(this.errors,l),i=this.errors.filter(l=>!["subject","body","category","type","scope","importance","tags"].includes(l.field??"")&&!(l.field??"").startsWith("followUp")),a=je(t.tags);return k`
      <form
        aria-label=${this.heading}
        aria-busy=${this.busy?"true":"false"}
        @keydown=${this.onKey}
        @focusin=${()=>this.open()}
        @submit=${l=>{l.preventDefault(),this.submit()}}
      >
        ${this.textInput(r("subject"),"Subject","subject",s("subject"))}
        <label for=${r("body")}>Note (markdown)</label>
        <textarea
          id=${r("body")}
          .value=${t.body}
          aria-invalid=${s("body")?"true":"false"}
          aria-describedby=${s("body")?`${r("body")}-error`:`${r("body")}-hint`}
          @input=${l=>this.change("body",l.target.value)}
        ></textarea>
        ${s("body")?nt(r("body"),s("body")):k`<p class="hint" id="${r("body")}-hint">
              Up to ${1e5.toLocaleString("en")} characters. Ctrl+Enter saves.
            </p>`}
        <div class="actions">
          <button
            type="button"
            aria-pressed=${this.preview?"true":"false"}
            @click=${()=>this.preview=!this.preview}
          >
            Preview
          </button>
        </div>
        ${this.preview?k`<section class="markdown" aria-label="Preview">
              ${kt(xt(t.body))}
            </section>`:$}
        <div class="row">
          <div>
            ${Mt(r("category"),"Category",t.category,yr,l=>this.change("category",l),s("category"))}
          </div>
          <div>
            ${Mt(r("type"),"Type",t.type,kr,l=>this.change("type",l),s("type"))}
          </div>
        </div>
        <div class="row">
          <div>
            ${Mt(r("scope"),"Visibility",t.scope,this.scopes,l=>this.change("scope",l),s("scope"))}
          </div>
          <div>
            ${Mt(r("importance"),"Importance",t.importance,qs,l=>this.change("importance",l),s("importance"))}
          </div>
        </div>
        <label for=${r("tag")}>Tags</label>
        <ul class="chips" aria-label="Tags on this note">
          ${a.map(l=>k`<li>
              ${l}
              <button type="button" aria-label="Remove tag ${l}" @click=${()=>this.removeTag(l)}>
                ×
              </button>
            </li>`)}
        </ul>
        <div class="row">
          <input
            id=${r("tag")}
            type="text"
            list=${r("tag-options")}
            autocomplete="off"
            .value=${this.tagText}
            aria-invalid=${s("tags")?"true":"false"}
            aria-describedby=${s("tags")?`${r("tag")}-error`:$}
            @input=${l=>this.tagText=l.target.value}
            @keydown=${this.onTagKey}
          />
          <button type="button" class="fit" @click=${()=>this.addTag()}>Add</button>
        </div>
        <datalist id=${r("tag-options")}>
          ${this.tagSuggestions.filter(l=>!a.includes(l)).map(l=>k`<option value=${l}></option>`)}
        </datalist>
        ${nt(r("tag"),s("tags"))}
        <label class="check">
          <input
            type="checkbox"
            .checked=${t.pinned}
            @change=${l=>this.change("pinned",l.target.checked)}
          />
          Pin this note
        </label>
        ${this.allowFollowUp?this.followUp(r,s):$}
        ${i.map(l=>k`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
          <slot name="actions"></slot>
          ${this.busy?k`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:$}
        </div>
      </form>
    `}textInput(t,r,s,i){return k`
      <label for=${t}>${r}</label>
      <input
        id=${t}
        type="text"
        .value=${this.fields[s]}
        aria-invalid=${i?"true":"false"}
        aria-describedby=${i?`${t}-error`:$}
        @input=${a=>this.change(s,a.target.value)}
      />
      ${nt(t,i)}
    `}followUp(t,r){let s=this.fields;return k`
      <label class="check">
        <input
          type="checkbox"
          .checked=${s.followUp}
          @change=${i=>{let a=i.target.checked;this.change("followUp",a),a&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${s.followUp?k`<fieldset>
            <legend>Follow-up</legend>
            <label for=${t("assignee-find")}>Find assignee</label>
            <input
              id=${t("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${t("assignee-found")}
              .value=${this.agents.query}
              @input=${i=>this.agents.search(i.target.value)}
            />
            <span id=${t("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${t("assignee")}>Assignee</label>
            <select
              id=${t("assignee")}
              aria-invalid=${r("followUp.assigneeId")?"true":"false"}
              aria-describedby=${r("followUp.assigneeId")?`${t("assignee")}-error`:$}
              @change=${i=>this.change("assigneeId",i.target.value)}
            >
              ${this.agents.choices(s.assigneeId,this.knownAgents).map(i=>k`<option value=${i.agentId} ?selected=${i.agentId===s.assigneeId}>
                  ${i.name}${i.agentId===this.knownAgents[0]?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${nt(t("assignee"),r("followUp.assigneeId"))}
            <label for=${t("due")}>Due</label>
            <input
              id=${t("due")}
              type="datetime-local"
              .value=${s.dueAt}
              aria-invalid=${r("followUp.dueAt")?"true":"false"}
              aria-describedby=${r("followUp.dueAt")?`${t("due")}-error`:$}
              @input=${i=>this.change("dueAt",i.target.value)}
            />
            ${nt(t("due"),r("followUp.dueAt"))}
            <label for=${t("instructions")}>Instructions</label>
            <input
              id=${t("instructions")}
              type="text"
              .value=${s.instructions}
              @input=${i=>this.change("instructions",i.target.value)}
            />
          </fieldset>`:$}
    `}};q.styles=xe,y([I({attribute:!1})],q.prototype,"initial",2),y([I({attribute:!1})],q.prototype,"serverErrors",2),y([I({attribute:!1})],q.prototype,"scopes",2),y([I({attribute:!1})],q.prototype,"tagSuggestions",2),y([I({attribute:!1})],q.prototype,"storage",2),y([I({type:Boolean})],q.prototype,"busy",2),y([I()],q.prototype,"heading",2),y([I()],q.prototype,"submitLabel",2),y([I({type:Boolean})],q.prototype,"allowFollowUp",2),y([I({attribute:!1})],q.prototype,"findAgents",2),y([I({attribute:!1})],q.prototype,"knownAgents",2),y([_()],q.prototype,"fields",2),y([_()],q.prototype,"errors",2),y([_()],q.prototype,"preview",2),y([_()],q.prototype,"tagText",2),q=y([we("c360-note-form")],q);var Wi=(n,e,t)=>{let r=new Map;for(let s=e;s<=t;s++)r.set(n[s],s);return r},Gi=bt(class extends Ue{constructor(n){if(super(n),n.type!==fr.CHILD)throw Error("repeat() can only be used in text expressions")}dt(n,e,t){let r;t===void 0?t=e:e!==void 0&&(r=e);let s=[],i=[],a=0;for(let l of n)s[a]=r?r(l,a):a,i[a]=t(l,a),a++;return{values:i,keys:s}}render(n,e,t){return this.dt(n,e,t).values}update(n,[e,t,r]){let s=Fs(n),{values:i,keys:a}=this.dt(e,t,r);if(!Array.isArray(s))return this.ut=a,i;let l=this.ut??=[],c=[],m,h,d=0,g=s.length-1,v=0,x=i.length-1;for(;d<=g&&v<=x;)if(s[d]===null)d++;else if(s[g]===null)g--;else if(l[d]===a[v])c[v]=ze(s[d],i[v]),d++,v++;else if(l[g]===a[x])c[x]=ze(s[g],i[x]),g--,x--;else if(l[d]===a[x])c[x]=ze(s[d],i[x]),yt(n,c[x+1],s[d]),d++,x--;else if(l[g]===a[v])c[v]=ze(s[g],i[v]),yt(n,s[d],s[g]),g--,v++;else if(m===void 0&&(m=Wi(a,v,x),h=Wi(l,d,g)),m.has(l[d]))if(m.has(l[g])){let C=h.get(a[v]),T=C!==void 0?s[C]:null;if(T===null){let R=yt(n,s[d]);ze(R,i[v]),c[v]=R}else c[v]=ze(T,i[v]),yt(n,s[d],T),s[C]=null;v++}else mr(s[g]),g--;else mr(s[d]),d++;for(;v<=x;){let C=yt(n,c[x+1]);ze(C,i[v]),c[v++]=C}for(;d<=g;){let C=s[d++];C!==null&&mr(C)}return this.ut=a,gr(n,c),de}});var Jl={amp:"&",lt:"<",gt:">",quot:'"',apos:"'"};function ec(n){return n.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi,(e,t)=>{let r=t.toLowerCase();if(r.startsWith("#")){let s=r.startsWith("#x")?parseInt(r.slice(2),16):parseInt(r.slice(1),10);return s>0&&s<=1114111?String.fromCodePoint(s):e}return Jl[r]??e})}function tc(n){let e=[],t=!1;for(let r of n.split(/(<\/?em>)/i)){let s=r.toLowerCase();s==="<em>"||s==="</em>"?t=s==="<em>":r&&e.push({text:ec(r),marked:t})}return e}function Vi(n){return k`${tc(n).map(e=>e.marked?k`<em>${e.text}</em>`:e.text)}`}function Yi(n){return n?[...n.subject,...n.body]:[]}function Ki(n,e){let t={};for(let s of["subject","body","category","type","scope","importance"])e[s]!==n[s]&&(t[s]=e[s]);e.pinned!==n.pinned&&(t.pinned=e.pinned);let r=je(e.tags);return r.join(`
`)!==n.tags.join(`
`)&&(t.tags=r),t}var Zi=n=>`${new Date(n).toISOString().slice(0,16).replace("T"," ")} UTC`,Y=class extends Q{constructor(){super(...arguments);this.scopes=[];this.tagSuggestions=[];this.canEdit=!1;this.canDelete=!1;this.mode="view";this.busy=!1;this.errors=[];this.history=[];this.mine=null;this.editing=null;this.theirs=null;this.message=""}willUpdate(t){let r=t.get("note");r&&r.id!==this.note.id&&(this.mode="view",this.history=[],this.errors=[],this.message="",this.mine=null,this.theirs=null,this.editing=null)}emit(t,r={}){this.dispatchEvent(new CustomEvent(t,{detail:r,bubbles:!0,composed:!0}))}async run(t){this.busy=!0,this.message="";try{return await t()}catch(r){r instanceof oe&&this.emit("auth-needed"),this.message=r instanceof Error?r.message:String(r);return}finally{this.busy=!1}}async save(t,r){let s=Ki(t,r),i={id:t.id,expectedVersion:t.version,...s},a=await this.run(()=>this.client.request(Qs,{input:i},["updateNote"]));if(!a)return;let{note:l,errors:c}=a.data.updateNote;if(l)this.note=l,this.mode="view",this.errors=[],this.emit("note-changed",{note:l});else if(c.some(m=>m.code==="CONFLICT")){let m=await this.run(()=>this.client.request(Vs,{id:t.id}));this.mine=r,this.theirs=m?.data.note??null,this.mode="conflict"}else this.errors=c}async showHistory(){let t=this.note.id,r=await this.run(()=>this.client.request(Ys,{id:t}));t===this.note.id&&(this.history=He(r?.data.note?.history),this.mode="history")}async deleteNote(){let t=await this.run(()=>this.client.request(Js,{input:{id:this.note.id}},["deleteNote"]));if(!t)return;let{errors:r}=t.data.deleteNote;if(r.length){this.message=r.map(s=>s.message).join(" ");return}this.mode="view",this.history=[],this.emit("note-deleted",{note:this.note})}async reapply(){if(!this.mine||!this.theirs)return;let t={...kn(this.theirs)};for(let r of Object.keys(Ki(this.note,this.mine)))Object.assign(t,{[r]:this.mine[r]});await this.save(this.theirs,t),this.mode==="view"&&(this.mine=null,this.theirs=null)}edit(){this.editing=kn(this.note),this.errors=[],this.mode="edit"}keepTheirs(){this.theirs&&(this.note=this.theirs),this.mine=null,this.theirs=null,this.mode="view",this.emit("note-changed",{note:this.note})}render(){let t=this.note;return k`
      <article aria-labelledby="subject-${t.id}">
        <h3 id="subject-${t.id}">${t.pinned?k`<span aria-label="Pinned">📌 </span>`:$}${t.subject}</h3>
        <p class="hint">
          ${le(t.category)} · ${le(t.type)} · visible to ${le(t.scope)} ·
          ${le(t.importance)} importance · ${t.author?.name??t.authorId} · ${Zi(t.createdAt)} · v${t.version}
        </p>
        ${t.tags.length?k`<ul class="chips" aria-label="Tags">${t.tags.map(r=>k`<li>${r}</li>`)}</ul>`:$}
        ${this.mode==="edit"?this.renderEdit():$}
        ${this.mode==="conflict"?this.renderConflict():$}
        ${this.mode==="view"||this.mode==="history"?k`<div class="markdown body">${kt(xt(t.body))}</div>`:$}
        ${this.mode==="history"?this.renderHistory():$}
        ${this.message?k`<p class="error" role="alert">${this.message}</p>`:$}
        ${this.mode==="view"||this.mode==="history"?this.renderActions():$}
      </article>
    `}renderActions(){let t=this.note.subject;return k`<div class="actions">
      ${this.canEdit?k`<button type="button" aria-label="Edit ${t}" @click=${this.edit}>Edit</button>`:$}
      <button
        type="button"
        aria-label="History of ${t}"
        aria-expanded=${this.mode==="history"?"true":"false"}
        @click=${()=>this.mode==="history"?this.mode="view":this.showHistory()}
      >
        History
      </button>
      ${this.canDelete?k`<button type="button" class="danger" aria-label="Delete ${t}" ?disabled=${this.busy}
            @click=${this.deleteNote}>Delete</button>`:$}
    </div>`}renderEdit(){let t=this.scopes.includes(this.note.scope)?this.scopes:[this.note.scope,...this.scopes];return k`<c360-note-form
      heading="Edit note"
      submitLabel="Save changes"
      .initial=${this.editing}
      .scopes=${t}
      .tagSuggestions=${this.tagSuggestions}
      .serverErrors=${this.errors}
      ?busy=${this.busy}
      @note-submit=${r=>{r.stopPropagation(),this.save(this.note,r.detail.fields)}}
    >
      <button slot="actions" type="button" @click=${()=>this.mode="view"}>Cancel</button>
    </c360-note-form>`}renderConflict(){let t=this.mine,r=this.theirs;return k`<section class="status warn" role="alert" aria-label="Edit conflict">
      <p>
        Someone saved this note while you were editing it${r?k` (now version ${r.version})`:$}. Compare and choose.
      </p>
      <div class="row">
        <section aria-label="Your version">
          <h4>Your version</h4>
          <p><strong>${t.subject}</strong></p>
          <div class="markdown">${kt(xt(t.body))}</div>
        </section>
        <section aria-label="Saved version">
          <h4>Saved version</h4>
          ${r?k`<p><strong>${r.subject}</strong></p>
                <div class="markdown">${kt(xt(r.body))}</div>`:k`<p>The note is no longer available.</p>`}
        </section>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy||!r} @click=${this.reapply}>
          Reapply my changes
        </button>
        <button type="button" ?disabled=${!r} @click=${this.keepTheirs}>Keep saved version</button>
      </div>
    </section>`}renderHistory(){return k`<section aria-label="History">
      <h4>History</h4>
      ${this.history.length?k`<ol>
            ${this.history.map(t=>k`<li>
                v${t.version} by ${t.editor?.name??t.editorId}, ${Zi(t.editedAt)}:
                ${t.changes.map(r=>k`<div><em>${r.field}</em>: ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)}</div>`)}
              </li>`)}
          </ol>`:k`<p class="hint">Not edited since it was written.</p>`}
    </section>`}};Y.styles=xe,y([I({attribute:!1})],Y.prototype,"note",2),y([I({attribute:!1})],Y.prototype,"client",2),y([I({attribute:!1})],Y.prototype,"scopes",2),y([I({attribute:!1})],Y.prototype,"tagSuggestions",2),y([I({type:Boolean})],Y.prototype,"canEdit",2),y([I({type:Boolean})],Y.prototype,"canDelete",2),y([_()],Y.prototype,"mode",2),y([_()],Y.prototype,"busy",2),y([_()],Y.prototype,"errors",2),y([_()],Y.prototype,"history",2),y([_()],Y.prototype,"mine",2),y([_()],Y.prototype,"theirs",2),y([_()],Y.prototype,"message",2),Y=y([we("c360-note-card")],Y);function Qi(n,e){if(!n)return null;let t=new Date(`${n}T00:00:00`);return Number.isNaN(t.getTime())?null:new Date(t.getTime()+(e?86399999:0)).toISOString()}var P=class extends Q{constructor(){super(...arguments);this.customerId="";this.scopes=[];this.pending=[];this.me=null;this.notes=[];this.customerTags=[];this.controlledTags=[];this.loading=!1;this.failure="";this.category="";this.type="";this.tag="";this.query="";this.searched="";this.fromDay="";this.toDay="";this.range={from:"",to:""};this.rangeError="";this.highlights=new Map;this.deleted=[];this.notice="";this.total=0;this.next=null;this.loadingMore=!1;this.ticket=0}get tagSuggestions(){let t=[...this.controlledTags,...this.customerTags,...this.notes.flatMap(r=>r.tags)];return[...new Set(t)].sort()}connectedCallback(){super.connectedCallback(),this.load()}async load(){let t=++this.ticket;this.loading=!0,this.failure="";try{if(this.searched){let{data:r}=await this.client.request(vn,this.searchVariables(null),["searchNotes"]);if(t!==this.ticket)return;this.keepHighlights(r.searchNotes,!1),this.showPage(r.searchNotes,!1)}else{let{data:r}=await this.client.request(Ws,this.listVariables(),["controlledTags"]);if(t!==this.ticket)return;this.highlights=new Map,this.showPage(r.customer?.notes??null,!1),this.customerTags=r.customer?.tags?He(r.customer.tags):this.customerTags,this.controlledTags=r.controlledTags.map(s=>s.tag),r.customer||(this.failure="This customer is not available to you.")}this.dispatchEvent(new CustomEvent("notes-loaded",{bubbles:!0,composed:!0}))}catch(r){r instanceof oe&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`Notes could not be loaded: ${r instanceof Error?r.message:r}`}finally{t===this.ticket&&(this.loading=!1)}}noteFilter(){return{category:this.category||null,type:this.type||null,tags:this.tag?[this.tag]:null,from:Qi(this.range.from,!1),to:Qi(this.range.to,!0)}}keepHighlights(t,r){let s=new Map(r?this.highlights:[]);for(let i of t.edges)s.set(i.node.id,i.highlights);this.highlights=s}submitSearch(){if(this.fromDay&&this.toDay&&this.fromDay>this.toDay){this.rangeError="The “From” date is after the “To” date.",this.updateComplete.then(()=>this.renderRoot.querySelector("#search-from")?.focus());return}this.rangeError="",this.searched=this.query.trim(),this.range={from:this.fromDay,to:this.toDay},this.load()}clearSearch(){this.query="",this.searched="",this.fromDay="",this.toDay="",this.rangeError="",this.range={from:"",to:""},this.load()}get rangeText(){let{from:t,to:r}=this.range;return`${t?` from ${t}`:""}${r?` to ${r}`:""}`}listVariables(){return{id:this.customerId,filter:this.noteFilter(),first:25}}searchVariables(t){return{query:this.searched,filter:{...this.noteFilter(),customerId:this.customerId},first:25,after:t}}showPage(t,r){let s=He(t);this.notes=r?[...this.notes,...s.filter(i=>!this.notes.some(a=>a.id===i.id))]:s,this.total=t?.totalCount??this.notes.length,this.next=t?.pageInfo?.hasNextPage?t.pageInfo.endCursor:null}async loadMore(){let t=this.next;if(!t||this.loadingMore)return;let r=this.ticket;this.loadingMore=!0,this.failure="";try{if(this.searched){let{data:i}=await this.client.request(vn,this.searchVariables(t),["searchNotes"]);if(r!==this.ticket)return;this.keepHighlights(i.searchNotes,!0),this.showPage(i.searchNotes,!0)}else{let{data:i}=await this.client.request(Gs,{...this.listVariables(),after:t});if(r!==this.ticket)return;this.showPage(i.customer?.notes??null,!0)}await this.updateComplete,(this.renderRoot.querySelector("#load-more")??this.renderRoot.querySelector("ul.notes"))?.focus()}catch(s){s instanceof oe&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More notes could not be loaded: ${s instanceof Error?s.message:s}`}finally{this.loadingMore=!1}}async restore(t){try{let{data:r}=await this.client.request(ei,{input:{id:t.id}},["restoreNote"]);r.restoreNote.note?(this.deleted=this.deleted.filter(s=>s.id!==t.id),this.notice=`Restored “${t.subject}”.`,await this.load()):this.notice=r.restoreNote.errors.map(s=>s.message).join(" ")}catch(r){this.notice=`Restore failed: ${r instanceof Error?r.message:r}`}}filterSelect(t,r,s,i,a,l=!0){return k`<div>
      <label for=${t}>${r}</label>
      <select id=${t} @change=${c=>{a(c.target.value),this.load()}}>
        <option value="" ?selected=${s===""}>All</option>
        ${i.map(c=>k`<option value=${c} ?selected=${c===s}>${l?le(c):c}</option>`)}
      </select>
    </div>`}render(){return k`
      <section aria-label="Notes">
        <form role="search" aria-label="Search notes" @submit=${t=>{t.preventDefault(),this.submitSearch()}}>
          <label for="search">Search notes</label>
          <div class="row">
            <input id="search" type="search" .value=${this.query}
              @input=${t=>this.query=t.target.value} />
            <button type="submit" class="fit">Search</button>
            ${this.searched||this.range.from||this.range.to?k`<button type="button" class="fit" @click=${this.clearSearch}>Clear</button>`:$}
          </div>
          <div class="row">
            <div>
              <label for="search-from">From date</label>
              <input id="search-from" type="date" .value=${this.fromDay}
                aria-invalid=${this.rangeError?"true":"false"}
                aria-describedby=${this.rangeError?"range-error":$}
                @input=${t=>this.fromDay=t.target.value} />
            </div>
            <div>
              <label for="search-to">To date</label>
              <input id="search-to" type="date" .value=${this.toDay}
                @input=${t=>this.toDay=t.target.value} />
            </div>
          </div>
          ${this.rangeError?k`<p id="range-error" class="error" role="alert">${this.rangeError}</p>`:$}
        </form>
        <div class="row">
          ${this.filterSelect("filter-category","Category",this.category,yr,t=>this.category=t)}
          ${this.filterSelect("filter-type","Type",this.type,kr,t=>this.type=t)}
          ${this.filterSelect("filter-tag","Tag",this.tag,this.tagSuggestions,t=>this.tag=t,!1)}
        </div>
        ${this.renderPending()}
        ${this.notice?k`<p class="status" role="status">${this.notice}</p>`:$}
        ${this.deleted.map(t=>k`<p class="status">
            Deleted “${t.subject}”.
            <button type="button" @click=${()=>this.restore(t)}>Restore “${t.subject}”</button>
          </p>`)}
        ${this.failure?k`<p class="error" role="alert">${this.failure}</p>`:$}
        <p class="hint" role="status">
          ${this.loading?k`<span class="spinner" aria-hidden="true"></span> Loading notes…`:`${this.next?`${this.notes.length} of ${this.total}`:this.total} note${this.total===1?"":"s"}${this.searched?` matching “${this.searched}”`:""}${this.rangeText}`}
        </p>
        <ul class="notes" aria-label="Notes list" tabindex="-1">
          ${Gi(this.notes,t=>t.id,t=>k`<li>
              <c360-note-card
                .note=${t}
                .client=${this.client}
                .scopes=${this.scopes}
                .tagSuggestions=${this.tagSuggestions}
                ?canEdit=${yn(this.me,"edit",t)}
                ?canDelete=${yn(this.me,"delete",t)}
                @note-changed=${()=>{this.load()}}
                @note-deleted=${r=>{this.deleted=[...this.deleted,r.detail.note],this.notice="",this.load()}}
              ></c360-note-card>
              ${this.renderMatches(t)}
            </li>`)}
        </ul>
        ${this.next?k`<button type="button" id="load-more" ?disabled=${this.loadingMore}
              aria-describedby="notes-shown" @click=${()=>{this.loadMore()}}>
              ${this.loadingMore?"Loading more notes…":`Load more notes (${this.total-this.notes.length} more)`}
            </button>
            <span id="notes-shown" class="hint">${this.notes.length} of ${this.total} shown</span>`:$}
      </section>
    `}renderMatches(t){let r=Yi(this.highlights.get(t.id));return r.length?k`<p class="matches hint">
      Matches in “${t.subject}”:
      ${r.map((s,i)=>k`${i?" … ":""}${Vi(s)}`)}
    </p>`:$}renderPending(){return this.pending.length?k`<section class="status warn" aria-label="Waiting to send">
      <p>
        ${this.pending.length} note${this.pending.length===1?"":"s"} waiting for the
        gateway; kept on this device and retried automatically.
      </p>
      <ul>
        ${this.pending.map(t=>k`<li>${String(t.input.subject??"")}
          (${t.attempts} ${t.attempts===1?"retry":"retries"})</li>`)}
      </ul>
    </section>`:$}};P.styles=xe,y([I({attribute:!1})],P.prototype,"client",2),y([I()],P.prototype,"customerId",2),y([I({attribute:!1})],P.prototype,"scopes",2),y([I({attribute:!1})],P.prototype,"pending",2),y([I({attribute:!1})],P.prototype,"me",2),y([_()],P.prototype,"notes",2),y([_()],P.prototype,"customerTags",2),y([_()],P.prototype,"controlledTags",2),y([_()],P.prototype,"loading",2),y([_()],P.prototype,"failure",2),y([_()],P.prototype,"category",2),y([_()],P.prototype,"type",2),y([_()],P.prototype,"tag",2),y([_()],P.prototype,"query",2),y([_()],P.prototype,"searched",2),y([_()],P.prototype,"fromDay",2),y([_()],P.prototype,"toDay",2),y([_()],P.prototype,"range",2),y([_()],P.prototype,"rangeError",2),y([_()],P.prototype,"highlights",2),y([_()],P.prototype,"deleted",2),y([_()],P.prototype,"notice",2),y([_()],P.prototype,"total",2),y([_()],P.prototype,"next",2),y([_()],P.prototype,"loadingMore",2),P=y([we("c360-notes-panel")],P);var Gn=[1e3,2e3,4e3,8e3,15e3];async function Vn(n,e){try{let{data:t,errors:r}=await n.request(Xs,{input:e},["createNote"]),s=t.createNote;return s.note?{kind:"saved",note:s.note}:s.errors.length?{kind:"invalid",errors:s.errors}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:r.map(a=>a.message).join("; ")||"the note was not saved"}]}}catch(t){return t instanceof oe?{kind:"auth"}:t instanceof rt?{kind:"offline",reason:t.message}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:t instanceof Error?t.message:String(t)}]}}}var Lr=class{constructor(e,t,r){this.storage=e;this.client=t;this.events=r;this.flushing=!1;this.online=()=>{this.flush()}}get items(){return this.storage.pending()}start(){window.addEventListener("online",this.online),this.items.length&&this.schedule(0)}stop(){window.removeEventListener("online",this.online),window.clearTimeout(this.timer)}add(e){let t=`${Date.now().toString(36)}-${Math.random().toString(36).slice(2,8)}`;this.storage.savePending([...this.items,{key:t,input:e,queuedAt:Date.now(),attempts:0}]),this.events.changed(),this.schedule(Gn[0])}discard(e){this.storage.savePending(this.items.filter(t=>t.key!==e)),this.events.changed()}schedule(e){window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>{this.flush()},e)}async flush(){if(!this.flushing){this.flushing=!0;try{for(let e of this.items){let t=await Vn(this.client,e.input);if(t.kind==="offline"){let r=e.attempts+1;this.storage.savePending(this.items.map(s=>s.key===e.key?{...s,attempts:r}:s)),this.events.changed(),this.schedule(Gn[Math.min(r,Gn.length-1)]);return}if(t.kind==="auth"){this.events.authNeeded();return}this.storage.savePending(this.items.filter(r=>r.key!==e.key)),t.kind==="saved"?this.events.saved(t.note):this.events.rejected(e,t.errors),this.events.changed()}}finally{this.flushing=!1}}}};function Yn(n){return JSON.stringify([n.subject,[...n.roles].sort(),n.permissions])}function Ji(n){let e=n.split(".")[1];if(!e)return null;try{let t=atob(e.replaceAll("-","+").replaceAll("_","/")),r=JSON.parse(t);return typeof r.sub=="string"?r.sub:null}catch{return null}}var rc="c360-notes";function eo(n){try{let e=localStorage.getItem(n);return e===null?null:JSON.parse(e)}catch{return null}}function to(n,e){try{return e===null?localStorage.removeItem(n):localStorage.setItem(n,JSON.stringify(e)),!0}catch{return!1}}var Dr=class{constructor(e,t=""){this.customerId=e;this.subject=t}key(e){return`${rc}:${e}:${this.subject}:${this.customerId}`}loadDraft(){return eo(this.key("draft"))}saveDraft(e){return to(this.key("draft"),e)}pending(){return eo(this.key("pending"))??[]}savePending(e){to(this.key("pending"),e.length?e:null)}};function nc(){let n=crypto.getRandomValues(new Uint8Array(16));return Array.from(n,e=>e.toString(16).padStart(2,"0")).join("")}function sc(n,e,t){return{idempotencyKey:nc(),customerId:n,subject:e.subject,body:e.body,category:e.category,type:e.type,scope:e.scope,importance:e.importance,pinned:e.pinned,tags:je(e.tags),creationMs:t,followUp:e.followUp?{assigneeId:e.assigneeId,dueAt:new Date(e.dueAt).toISOString(),instructions:e.instructions||null}:null}}var ee=class extends Q{constructor(){super(...arguments);this.customerId="";this.endpoint="/graphql";this.token="";this.me=null;this.tab="notes";this.status="";this.warn=!1;this.busy=!1;this.createErrors=[];this.pending=[];this.checking=!1;this.generation=0;this.meTicket=0;this.waitingForToken=!1;this.resubmit=!1;this.client=new Dt(this.endpoint,()=>this.token);this.storage=null;this.queue=null;this.blank=null;this.findAgents=async t=>{let{data:r}=await this.client.request(Zs,{query:t||null});return r.agents?.edges.map(s=>s.node)??[]};this.storageSubject=""}connectedCallback(){super.connectedCallback(),this.init()}init(){this.queue?.stop(),this.client=new Dt(this.endpoint,()=>this.token),this.storageSubject=this.me?.subject??"",this.storage=new Dr(this.customerId,this.storageSubject),this.queue=new Lr(this.storage,this.client,{saved:t=>{this.say(`Saved “${t.subject}” (it was waiting for the gateway).`),this.panel?.load()},rejected:(t,r)=>this.say(`A waiting note was refused: ${r.map(s=>s.message).join(" ")}`,!0),authNeeded:()=>this.requestToken(),changed:()=>this.pending=this.queue?.items??[]}),this.pending=this.queue.items}disconnectedCallback(){super.disconnectedCallback(),this.queue?.stop()}willUpdate(t){let r=["customerId","endpoint"].some(s=>t.get(s)!==void 0);this.isConnected&&r&&(this.init(),this.me&&this.queue?.start()),t.has("token")&&this.me&&this.token&&Ji(this.token)!==this.me.subject&&(this.checking=!0)}updated(t){t.has("token")&&this.token&&this.start()}blankFields(t){return(this.blank?.scope!==t||this.blank.assigneeId!==this.me?.subject)&&(this.blank=vr(t,this.me?.subject??"")),this.blank}get form(){return this.renderRoot.querySelector("c360-note-form")}get panel(){return this.renderRoot.querySelector("c360-notes-panel")}say(t,r=!1){this.status=t,this.warn=r}async start(){let t=++this.meTicket,r=this.waitingForToken;this.waitingForToken=!1;let s;try{s=(await this.client.request(Bs,{},["me"])).data.me}catch(a){if(t!==this.meTicket)return;if(a instanceof oe)return this.requestToken();let l=a instanceof Error?a.message:String(a);this.say(`The notes service is unreachable (${l}); trying again…`,!0),window.setTimeout(()=>{t===this.meTicket&&this.start()},3e3);return}if(t!==this.meTicket)return;let i=this.me;if(this.me=s,this.checking=!1,i&&Yn(i)!==Yn(s)){this.switchPrincipal();return}(!i||this.storageSubject!==s.subject)&&this.init(),this.queue?.start(),r&&(this.say("Signed in again."),this.panel?.load(),this.resubmit&&(this.resubmit=!1,await this.updateComplete,this.form?.submit()))}switchPrincipal(){this.generation+=1,this.blank=null,this.createErrors=[],this.resubmit=!1,this.busy=!1,this.init(),this.queue?.start(),this.say(`Signed in as ${this.me?.agent?.name??this.me?.subject??"someone else"}.`)}requestToken(){this.say("Your session has expired. Your draft is kept; waiting for a new sign-in…",!0),!this.waitingForToken&&(this.waitingForToken=!0,this.dispatchEvent(new CustomEvent("token-expired",{detail:{customerId:this.customerId},bubbles:!0,composed:!0})))}async onSubmit(t){if(this.busy||!this.queue)return;let{fields:r,creationMs:s}=t.detail,i=sc(wr(this.customerId),r,s);this.busy=!0,this.say("");let a=await Vn(this.client,i);this.busy=!1;let l=vr(r.scope,this.me?.subject??"");switch(a.kind){case"saved":this.createErrors=[],this.form?.reset(l),this.say(`Saved “${a.note.subject}”.`),this.dispatchEvent(new CustomEvent("note-saved",{detail:{note:a.note,creationMs:s},bubbles:!0,composed:!0})),this.panel?.load();return;case"invalid":this.createErrors=a.errors,this.say("The note was not saved: see the highlighted fields.",!0),this.form?.focusFirstError();return;case"offline":this.queue.add(i),this.form?.reset(l),this.say("The gateway is unreachable. Your note is kept and will be sent automatically.",!0);return;case"auth":this.resubmit=!0,this.requestToken();return}}selectTab(t,r=!1){this.tab=t,r&&this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${t}`)?.focus())}onTabKey(t){["ArrowLeft","ArrowRight","Home","End"].includes(t.key)&&(t.preventDefault(),this.selectTab(this.tab==="notes"?"activity":"notes",!0))}render(){let t=this.me?.permissions.writableScopes??[],r=(s,i)=>k`<button
      role="tab"
      id="tab-${s}"
      aria-selected=${this.tab===s?"true":"false"}
      aria-controls="panel-${s}"
      tabindex=${this.tab===s?0:-1}
      @click=${()=>this.selectTab(s)}
      @keydown=${this.onTabKey}
    >${i}</button>`;return k`
      <section class="sidebar" aria-labelledby="notes-title">
        <h2 id="notes-title">Customer notes</h2>
        <div role="status" class=${this.status?`status${this.warn?" warn":""}`:""}>${this.status}</div>
        ${this.checking?k`<p class="hint">Checking the new sign-in…</p>`:$}
        ${this.me?k`<div ?hidden=${this.checking}>${this.renderTabs(r,t)}</div>`:k`<p class="hint">Connecting to the notes service…</p>`}
      </section>
    `}get viewKey(){return`${this.customerId}|${this.generation}`}renderTabs(t,r){let s=r.includes("INTERNAL")?"INTERNAL":r[0]??"";return k`
      <div role="tablist" aria-label="Sidebar sections">
        ${t("notes","Notes")} ${t("activity","Interactions & follow-ups")}
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab!=="notes"}>
        ${r.length?br(this.viewKey,k`<c360-note-form
              .initial=${this.blankFields(s)}
              .scopes=${r}
              .storage=${this.storage}
              .serverErrors=${this.createErrors}
              .tagSuggestions=${this.panel?.tagSuggestions??[]}
              ?busy=${this.busy}
              allowFollowUp
              .findAgents=${this.findAgents}
              .knownAgents=${this.me?.agent?[this.me.agent]:[]}
              @note-submit=${this.onSubmit}
            ></c360-note-form>`):k`<p class="hint">You can read this customer's notes but not write them.</p>`}
        ${br(this.viewKey,k`<c360-notes-panel
          .client=${this.client}
          .customerId=${wr(this.customerId)}
          .scopes=${r}
          .pending=${this.pending}
          .me=${this.me}
          @auth-needed=${()=>this.requestToken()}
          @notes-loaded=${()=>this.requestUpdate()}
        ></c360-notes-panel>`)}
      </div>
      <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" ?hidden=${this.tab!=="activity"}>
        ${this.tab==="activity"?br(this.viewKey,k`<c360-activity .client=${this.client}
              .customerId=${wr(this.customerId)}></c360-activity>`):$}
      </div>
    `}};ee.styles=xe,y([I({attribute:"customer-id"})],ee.prototype,"customerId",2),y([I()],ee.prototype,"endpoint",2),y([I({attribute:!1})],ee.prototype,"token",2),y([_()],ee.prototype,"me",2),y([_()],ee.prototype,"tab",2),y([_()],ee.prototype,"status",2),y([_()],ee.prototype,"warn",2),y([_()],ee.prototype,"busy",2),y([_()],ee.prototype,"createErrors",2),y([_()],ee.prototype,"pending",2),y([_()],ee.prototype,"checking",2),ee=y([we("customer-notes")],ee);
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/unsafe-html.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
lit-html/directives/keyed.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

dompurify/dist/purify.es.mjs:
  (*! @license DOMPurify 3.4.18 | (c) Cure53 and other contributors | Released under the Apache license 2.0 and Mozilla Public License 2.0 | github.com/cure53/DOMPurify/blob/3.4.18/LICENSE *)
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
