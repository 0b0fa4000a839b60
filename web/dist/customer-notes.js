var Ro=Object.defineProperty;var Co=Object.getOwnPropertyDescriptor;var y=(r,e,t,n)=>{for(var s=n>1?void 0:n?Co(e,t):e,i=r.length-1,a;i>=0;i--)(a=r[i])&&(s=(n?a(e,t,s):a(s))||s);return n&&s&&Ro(e,t,s),s};var en=globalThis,tn=en.ShadowRoot&&(en.ShadyCSS===void 0||en.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,nr=Symbol(),ms=new WeakMap,_t=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==nr)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(tn&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=ms.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&ms.set(t,e))}return e}toString(){return this.cssText}},bs=r=>new _t(typeof r=="string"?r:r+"",void 0,nr),rr=(r,...e)=>{let t=r.length===1?r[0]:e.reduce((n,s,i)=>n+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(s)+r[i+1],r[0]);return new _t(t,r,nr)},ys=(r,e)=>{if(tn)r.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let n=document.createElement("style"),s=en.litNonce;s!==void 0&&n.setAttribute("nonce",s),n.textContent=t.cssText,r.appendChild(n)}},sr=tn?r=>r:r=>r instanceof CSSStyleSheet?(e=>{let t="";for(let n of e.cssRules)t+=n.cssText;return bs(t)})(r):r;var{is:Io,defineProperty:Oo,getOwnPropertyDescriptor:Po,getOwnPropertyNames:Lo,getOwnPropertySymbols:No,getPrototypeOf:Do}=Object,nn=globalThis,ks=nn.trustedTypes,Mo=ks?ks.emptyScript:"",Uo=nn.reactiveElementPolyfillSupport,Tt=(r,e)=>r,Et={toAttribute(r,e){switch(e){case Boolean:r=r?Mo:null;break;case Object:case Array:r=r==null?r:JSON.stringify(r)}return r},fromAttribute(r,e){let t=r;switch(e){case Boolean:t=r!==null;break;case Number:t=r===null?null:Number(r);break;case Object:case Array:try{t=JSON.parse(r)}catch{t=null}}return t}},rn=(r,e)=>!Io(r,e),ws={attribute:!0,type:String,converter:Et,reflect:!1,useDefault:!1,hasChanged:rn};Symbol.metadata??=Symbol("metadata"),nn.litPropertyMetadata??=new WeakMap;var Ee=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=ws){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),s=this.getPropertyDescriptor(e,n,t);s!==void 0&&Oo(this.prototype,e,s)}}static getPropertyDescriptor(e,t,n){let{get:s,set:i}=Po(this.prototype,e)??{get(){return this[t]},set(a){this[t]=a}};return{get:s,set(a){let l=s?.call(this);i?.call(this,a),this.requestUpdate(e,l,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??ws}static _$Ei(){if(this.hasOwnProperty(Tt("elementProperties")))return;let e=Do(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Tt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Tt("properties"))){let t=this.properties,n=[...Lo(t),...No(t)];for(let s of n)this.createProperty(s,t[s])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[n,s]of t)this.elementProperties.set(n,s)}this._$Eh=new Map;for(let[t,n]of this.elementProperties){let s=this._$Eu(t,n);s!==void 0&&this._$Eh.set(s,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let s of n)t.unshift(sr(s))}else e!==void 0&&t.push(sr(e));return t}static _$Eu(e,t){let n=t.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ys(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),s=this.constructor._$Eu(e,n);if(s!==void 0&&n.reflect===!0){let i=(n.converter?.toAttribute!==void 0?n.converter:Et).toAttribute(t,n.type);this._$Em=e,i==null?this.removeAttribute(s):this.setAttribute(s,i),this._$Em=null}}_$AK(e,t){let n=this.constructor,s=n._$Eh.get(e);if(s!==void 0&&this._$Em!==s){let i=n.getPropertyOptions(s),a=typeof i.converter=="function"?{fromAttribute:i.converter}:i.converter?.fromAttribute!==void 0?i.converter:Et;this._$Em=s;let l=a.fromAttribute(t,i.type);this[s]=l??this._$Ej?.get(s)??l,this._$Em=null}}requestUpdate(e,t,n,s=!1,i){if(e!==void 0){let a=this.constructor;if(s===!1&&(i=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??rn)(i,t)||n.useDefault&&n.reflect&&i===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:s,wrapped:i},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),i!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),s===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[s,i]of this._$Ep)this[s]=i;this._$Ep=void 0}let n=this.constructor.elementProperties;if(n.size>0)for(let[s,i]of n){let{wrapped:a}=i,l=this[s];a!==!0||this._$AL.has(s)||l===void 0||this.C(s,void 0,i,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(t)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};Ee.elementStyles=[],Ee.shadowRootOptions={mode:"open"},Ee[Tt("elementProperties")]=new Map,Ee[Tt("finalized")]=new Map,Uo?.({ReactiveElement:Ee}),(nn.reactiveElementVersions??=[]).push("2.1.2");var or=globalThis,$s=r=>r,sn=or.trustedTypes,vs=sn?sn.createPolicy("lit-html",{createHTML:r=>r}):void 0,ar="$lit$",Se=`lit$${Math.random().toFixed(9).slice(2)}$`,lr="?"+Se,zo=`<${lr}>`,Ke=document,Rt=()=>Ke.createComment(""),Ct=r=>r===null||typeof r!="object"&&typeof r!="function",cr=Array.isArray,Ss=r=>cr(r)||typeof r?.[Symbol.iterator]=="function",ir=`[ 	
\f\r]`,St=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,As=/-->/g,xs=/>/g,Ve=RegExp(`>|${ir}(?:([^\\s"'>=/]+)(${ir}*=${ir}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),_s=/'/g,Ts=/"/g,Rs=/^(?:script|style|textarea|title)$/i,ur=r=>(e,...t)=>({_$litType$:r,strings:e,values:t}),k=ur(1),Yl=ur(2),Vl=ur(3),Re=Symbol.for("lit-noChange"),$=Symbol.for("lit-nothing"),Es=new WeakMap,Ze=Ke.createTreeWalker(Ke,129);function Cs(r,e){if(!cr(r)||!r.hasOwnProperty("raw"))throw Error("invalid template strings array");return vs!==void 0?vs.createHTML(e):e}var Is=(r,e)=>{let t=r.length-1,n=[],s,i=e===2?"<svg>":e===3?"<math>":"",a=St;for(let l=0;l<t;l++){let c=r[l],g,p,m=-1,b=0;for(;b<c.length&&(a.lastIndex=b,p=a.exec(c),p!==null);)b=a.lastIndex,a===St?p[1]==="!--"?a=As:p[1]!==void 0?a=xs:p[2]!==void 0?(Rs.test(p[2])&&(s=RegExp("</"+p[2],"g")),a=Ve):p[3]!==void 0&&(a=Ve):a===Ve?p[0]===">"?(a=s??St,m=-1):p[1]===void 0?m=-2:(m=a.lastIndex-p[2].length,g=p[1],a=p[3]===void 0?Ve:p[3]==='"'?Ts:_s):a===Ts||a===_s?a=Ve:a===As||a===xs?a=St:(a=Ve,s=void 0);let v=a===Ve&&r[l+1].startsWith("/>")?" ":"";i+=a===St?c+zo:m>=0?(n.push(g),c.slice(0,m)+ar+c.slice(m)+Se+v):c+Se+(m===-2?l:v)}return[Cs(r,i+(r[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]},It=class r{constructor({strings:e,_$litType$:t},n){let s;this.parts=[];let i=0,a=0,l=e.length-1,c=this.parts,[g,p]=Is(e,t);if(this.el=r.createElement(g,n),Ze.currentNode=this.el.content,t===2||t===3){let m=this.el.content.firstChild;m.replaceWith(...m.childNodes)}for(;(s=Ze.nextNode())!==null&&c.length<l;){if(s.nodeType===1){if(s.hasAttributes())for(let m of s.getAttributeNames())if(m.endsWith(ar)){let b=p[a++],v=s.getAttribute(m).split(Se),T=/([.?@])?(.*)/.exec(b);c.push({type:1,index:i,name:T[2],strings:v,ctor:T[1]==="."?an:T[1]==="?"?ln:T[1]==="@"?cn:Qe}),s.removeAttribute(m)}else m.startsWith(Se)&&(c.push({type:6,index:i}),s.removeAttribute(m));if(Rs.test(s.tagName)){let m=s.textContent.split(Se),b=m.length-1;if(b>0){s.textContent=sn?sn.emptyScript:"";for(let v=0;v<b;v++)s.append(m[v],Rt()),Ze.nextNode(),c.push({type:2,index:++i});s.append(m[b],Rt())}}}else if(s.nodeType===8)if(s.data===lr)c.push({type:2,index:i});else{let m=-1;for(;(m=s.data.indexOf(Se,m+1))!==-1;)c.push({type:7,index:i}),m+=Se.length-1}i++}}static createElement(e,t){let n=Ke.createElement("template");return n.innerHTML=e,n}};function Xe(r,e,t=r,n){if(e===Re)return e;let s=n!==void 0?t._$Co?.[n]:t._$Cl,i=Ct(e)?void 0:e._$litDirective$;return s?.constructor!==i&&(s?._$AO?.(!1),i===void 0?s=void 0:(s=new i(r),s._$AT(r,t,n)),n!==void 0?(t._$Co??=[])[n]=s:t._$Cl=s),s!==void 0&&(e=Xe(r,s._$AS(r,e.values),s,n)),e}var on=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,s=(e?.creationScope??Ke).importNode(t,!0);Ze.currentNode=s;let i=Ze.nextNode(),a=0,l=0,c=n[0];for(;c!==void 0;){if(a===c.index){let g;c.type===2?g=new ft(i,i.nextSibling,this,e):c.type===1?g=new c.ctor(i,c.name,c.strings,this,e):c.type===6&&(g=new un(i,this,e)),this._$AV.push(g),c=n[++l]}a!==c?.index&&(i=Ze.nextNode(),a++)}return Ze.currentNode=Ke,s}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,t),t+=n.strings.length-2):n._$AI(e[t])),t++}},ft=class r{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,s){this.type=2,this._$AH=$,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=Xe(this,e,t),Ct(e)?e===$||e==null||e===""?(this._$AH!==$&&this._$AR(),this._$AH=$):e!==this._$AH&&e!==Re&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Ss(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==$&&Ct(this._$AH)?this._$AA.nextSibling.data=e:this.T(Ke.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,s=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=It.createElement(Cs(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===s)this._$AH.p(t);else{let i=new on(s,this),a=i.u(this.options);i.p(t),this.T(a),this._$AH=i}}_$AC(e){let t=Es.get(e.strings);return t===void 0&&Es.set(e.strings,t=new It(e)),t}k(e){cr(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,n,s=0;for(let i of e)s===t.length?t.push(n=new r(this.O(Rt()),this.O(Rt()),this,this.options)):n=t[s],n._$AI(i),s++;s<t.length&&(this._$AR(n&&n._$AB.nextSibling,s),t.length=s)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let n=$s(e).nextSibling;$s(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},Qe=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,s,i){this.type=1,this._$AH=$,this._$AN=void 0,this.element=e,this.name=t,this._$AM=s,this.options=i,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=$}_$AI(e,t=this,n,s){let i=this.strings,a=!1;if(i===void 0)e=Xe(this,e,t,0),a=!Ct(e)||e!==this._$AH&&e!==Re,a&&(this._$AH=e);else{let l=e,c,g;for(e=i[0],c=0;c<i.length-1;c++)g=Xe(this,l[n+c],t,c),g===Re&&(g=this._$AH[c]),a||=!Ct(g)||g!==this._$AH[c],g===$?e=$:e!==$&&(e+=(g??"")+i[c+1]),this._$AH[c]=g}a&&!s&&this.j(e)}j(e){e===$?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},an=class extends Qe{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===$?void 0:e}},ln=class extends Qe{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==$)}},cn=class extends Qe{constructor(e,t,n,s,i){super(e,t,n,s,i),this.type=5}_$AI(e,t=this){if((e=Xe(this,e,t,0)??$)===Re)return;let n=this._$AH,s=e===$&&n!==$||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,i=e!==$&&(n===$||s);s&&this.element.removeEventListener(this.name,this,n),i&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},un=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){Xe(this,e)}},Os={M:ar,P:Se,A:lr,C:1,L:Is,R:on,D:Ss,V:Xe,I:ft,H:Qe,N:ln,U:cn,B:an,F:un},Ho=or.litHtmlPolyfillSupport;Ho?.(It,ft),(or.litHtmlVersions??=[]).push("3.3.3");var Ps=(r,e,t)=>{let n=t?.renderBefore??e,s=n._$litPart$;if(s===void 0){let i=t?.renderBefore??null;n._$litPart$=s=new ft(e.insertBefore(Rt(),i),i,void 0,t??{})}return s._$AI(r),s};var pr=globalThis,Q=class extends Ee{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ps(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return Re}};Q._$litElement$=!0,Q.finalized=!0,pr.litElementHydrateSupport?.({LitElement:Q});var Fo=pr.litElementPolyfillSupport;Fo?.({LitElement:Q});(pr.litElementVersions??=[]).push("4.2.2");var $e=r=>(e,t)=>{t!==void 0?t.addInitializer(()=>{customElements.define(r,e)}):customElements.define(r,e)};var jo={attribute:!0,type:String,converter:Et,reflect:!1,hasChanged:rn},qo=(r=jo,e,t)=>{let{kind:n,metadata:s}=t,i=globalThis.litPropertyMetadata.get(s);if(i===void 0&&globalThis.litPropertyMetadata.set(s,i=new Map),n==="setter"&&((r=Object.create(r)).wrapped=!0),i.set(t.name,r),n==="accessor"){let{name:a}=t;return{set(l){let c=e.get.call(this);e.set.call(this,l),this.requestUpdate(a,c,r,!0,l)},init(l){return l!==void 0&&this.C(a,void 0,r,l),l}}}if(n==="setter"){let{name:a}=t;return function(l){let c=this[a];e.call(this,l),this.requestUpdate(a,c,r,!0,l)}}throw Error("Unsupported decorator location: "+n)};function C(r){return(e,t)=>typeof t=="object"?qo(r,e,t):((n,s,i)=>{let a=s.hasOwnProperty(i);return s.constructor.createProperty(i,n),a?Object.getOwnPropertyDescriptor(s,i):void 0})(r,e,t)}function _(r){return C({...r,state:!0,attribute:!1})}var Ls={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},hn=r=>(...e)=>({_$litDirective$:r,values:e}),gt=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,n){this._$Ct=e,this._$AM=t,this._$Ci=n}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var{I:Dc}=Os;var Bo={},Ns=(r,e=Bo)=>r._$AH=e;var hr=hn(class extends gt{constructor(){super(...arguments),this.key=$}render(r,e){return this.key=r,e}update(r,[e,t]){return e!==this.key&&(Ns(r),this.key=e),t}});var dn=["GENERAL","SUPPORT","SALES","PERSONAL"],fn=["INTERACTION_LOG","ESCALATION","FOLLOW_UP","RESOLUTION","SUPERVISOR","TECHNICAL","SENTIMENT"],Ds=["LOW","NORMAL","HIGH","CRITICAL"];function Ue(r){return r?r.edges.map(e=>e.node):[]}function dr(r,e,t){let n=r?.permissions.capabilities??[],s=e.toUpperCase();return n.includes(`${s}_ANY_NOTE`)||t.authorId===r?.subject&&n.includes(`${s}_OWN_NOTE`)}function le(r){let e=r.toLowerCase().replaceAll("_"," ");return e.charAt(0).toUpperCase()+e.slice(1)}function ze(r){return[...new Set(r.split(",").map(e=>e.trim()).filter(Boolean))]}function gn(r,e){return{subject:"",body:"",category:"GENERAL",type:"INTERACTION_LOG",scope:r,importance:"NORMAL",pinned:!1,tags:"",followUp:!1,assigneeId:e,dueAt:"",instructions:""}}function fr(r){return{...gn(r.scope,""),subject:r.subject,body:r.body,category:r.category,type:r.type,importance:r.importance,pinned:r.pinned,tags:r.tags.join(", ")}}function mn(r){let e=[];return r.subject.length>300&&e.push({field:"subject",code:"TOO_LONG",message:`The subject is ${r.subject.length} characters; the limit is 300.`}),r.body.length>1e5&&e.push({field:"body",code:"TOO_LONG",message:`The body is ${r.body.length.toLocaleString("en")} characters; the limit is ${1e5.toLocaleString("en")}. Shorten it before saving (nothing was sent).`}),e}var Je=`id customerId authorId author { name } subject body category type scope importance
  pinned tags version createdAt updatedAt`,Ms=`query WidgetMe {
  me { subject roles agent { agentId name } permissions { readableScopes writableScopes capabilities } }
}`;var Us=`query WidgetNotes($id: ID!, $filter: NoteFilter, $first: Int!) {
  customer(id: $id) {
    id name tags(first: 100) { edges { node } }
    notes(first: $first, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${Je} } }
    }
  }
  controlledTags { tag }
}`,zs=`query WidgetMoreNotes($id: ID!, $filter: NoteFilter, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    notes(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${Je} } }
    }
  }
}`,gr=`query WidgetSearch($query: String!, $filter: NoteFilter!, $first: Int!,
    $after: String) {
  searchNotes(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${Je} } }
  }
}`,Hs=`query WidgetNote($id: ID!) { note(id: $id) { ${Je} } }`,Fs=`query WidgetHistory($id: ID!) {
  note(id: $id) {
    id
    history(first: 100) {
      edges { node { version editorId editor { name } editedAt changes { field before after } } }
    }
  }
}`,js=`query WidgetActivity($id: ID!) {
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
}`,qs=`query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { agentId name role } } }
}`,Bs=`mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) { note { ${Je} } errors { field code message } }
}`,Gs=`mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${Je} } errors { field code message } }
}`,Ws=`mutation WidgetDelete($input: DeleteNoteInput!) {
  deleteNote(input: $input) { note { id deleted deletedAt } errors { field code message } }
}`,Ys=`mutation WidgetRestore($input: RestoreNoteInput!) {
  restoreNote(input: $input) { note { ${Je} } errors { field code message } }
}`;var ve=rr`
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
`;var Vs=r=>new Date(r).toISOString().slice(0,16).replace("T"," "),de=class extends Q{constructor(){super(...arguments);this.customerId="";this.interactions=null;this.followUps=null;this.loading=!0;this.failure=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){this.loading=!0;try{let{data:t}=await this.client.request(js,{id:this.customerId}),n=t.customer;this.interactions=n?.interactions?Ue(n.interactions):null,this.followUps=n?.followUps?Ue(n.followUps):null}catch(t){this.failure=`Activity could not be loaded: ${t instanceof Error?t.message:t}`}finally{this.loading=!1}}render(){return this.loading?k`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`:k`
      ${this.failure?k`<p class="error" role="alert">${this.failure}</p>`:$}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${this.interactions===null?k`<p class="hint">Not available to your role.</p>`:this.interactions.length?k`<ul>${this.interactions.map(t=>k`<li>
                <strong>${le(t.type)}</strong> (${le(t.purpose)}) — ${t.subject}
                <span class="hint">${Vs(t.occurredAt)} · ${t.loggedByAgent?.name??t.loggedBy}${t.outcome?` · ${t.outcome}`:""}</span>
              </li>`)}</ul>`:k`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        ${this.followUps===null?k`<p class="hint">Not available to your role.</p>`:this.followUps.length?k`<ul>${this.followUps.map(t=>k`<li>
                Due ${Vs(t.dueAt)} · ${t.assignee?.name??t.assigneeId}${t.completedAt?" · done":""}
                ${t.instructions?k`<div>${t.instructions}</div>`:$}
              </li>`)}</ul>`:k`<p class="hint">No follow-ups.</p>`}
      </section>
    `}};de.styles=ve,y([C({attribute:!1})],de.prototype,"client",2),y([C()],de.prototype,"customerId",2),y([_()],de.prototype,"interactions",2),y([_()],de.prototype,"followUps",2),y([_()],de.prototype,"loading",2),y([_()],de.prototype,"failure",2),de=y([$e("c360-activity")],de);var oe=class extends Error{},et=class extends Error{},mr=class extends Error{constructor(t,n){super(t);this.codes=n}},Go=2e4,Ot=class{constructor(e,t){this.endpoint=e;this.token=t}async request(e,t={},n=[]){let s;try{s=await fetch(this.endpoint,{method:"POST",headers:{"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json",Authorization:`Bearer ${this.token()}`},body:JSON.stringify({query:e,variables:t}),signal:AbortSignal.timeout(Go)})}catch(g){throw new et(`the gateway did not answer (${String(g)})`)}if(s.status===401)throw new oe("the session has expired");if(s.status>=500)throw new et(`the gateway answered ${s.status}`);let i;try{i=await s.json()}catch{throw new et(`the gateway answered ${s.status} without JSON`)}let a=i.errors??[],l=a.map(g=>g.extensions?.code??"ERROR");if(l.includes("UNAUTHENTICATED"))throw new oe("the session has expired");let c=i.data;if(c==null||n.some(g=>c[g]==null))throw new mr(a.map(g=>g.message).join("; "),l);return{data:c,errors:a}}};var Wo=/^[A-Z][A-Za-z0-9]*:./;function Yo(r){try{let e=Uint8Array.from(atob(r),t=>t.charCodeAt(0));return new TextDecoder("utf-8",{fatal:!0}).decode(e)}catch{return null}}function bn(r){let e=Yo(r);if(e!==null&&Wo.test(e))return r;let t=new TextEncoder().encode(`Customer360:${r}`);return btoa(String.fromCharCode(...t))}var Pt=class extends gt{constructor(e){if(super(e),this.it=$,e.type!==Ls.CHILD)throw Error(this.constructor.directiveName+"() can only be used in child bindings")}render(e){if(e===$||e==null)return this._t=void 0,this.it=e;if(e===Re)return e;if(typeof e!="string")throw Error(this.constructor.directiveName+"() called with a non-string value");if(e===this.it)return this._t;this.it=e;let t=[e];return t.raw=t,this._t={_$litType$:this.constructor.resultType,strings:t,values:[]}}};Pt.directiveName="unsafeHTML",Pt.resultType=1;var mt=hn(Pt);var yn=class{constructor(e,t){this.host=e;this.find=t;this.query="";this.found=[];this.status="";this.asked=0;e.addController(this)}hostConnected(){}async search(e){this.query=e;let t=++this.asked,n=this.find();if(n){this.host.requestUpdate();try{let s=await n(e.trim());if(t!==this.asked)return;this.found=s,this.status=s.length?`${s.length} agent${s.length===1?"":"s"} found; choose one under Assignee.`:"No agent found."}catch{t===this.asked&&(this.status="Agents could not be looked up.")}this.host.requestUpdate()}}choices(e,t){let n=[...this.found,...t].find(i=>i.agentId===e),s=this.found.filter(i=>i.agentId!==e);return e?[n??{agentId:e,name:e},...s]:s}};function Zs(r,e){return r.find(t=>t.field===e)}function tt(r,e){return e?k`<p class="error" id="${r}-error" role="alert">${e.message}</p>`:$}function Lt(r,e,t,n,s,i){return k`
    <label for=${r}>${e}</label>
    <select
      id=${r}
      .value=${t}
      aria-invalid=${i?"true":"false"}
      aria-describedby=${i?`${r}-error`:$}
      @change=${a=>s(a.target.value)}
    >
      ${n.map(a=>k`<option value=${a} ?selected=${a===t}>${le(a)}</option>`)}
    </select>
    ${tt(r,i)}
  `}function Vo(r,e){this.v=r,this.k=e}function Ks(r,e){(e==null||e>r.length)&&(e=r.length);for(var t=0,n=Array(e);t<e;t++)n[t]=r[t];return n}function Zo(r){if(Array.isArray(r))return r}function Ko(r,e){var t=r==null?null:typeof Symbol<"u"&&r[Symbol.iterator]||r["@@iterator"];if(t!=null){var n,s,i,a,l=[],c=!0,g=!1;try{if(i=(t=t.call(r)).next,e===0){if(Object(t)!==t)return;c=!1}else for(;!(c=(n=i.call(t)).done)&&(l.push(n.value),l.length!==e);c=!0);}catch(p){g=!0,s=p}finally{try{if(!c&&t.return!=null&&(a=t.return(),Object(a)!==a))return}finally{if(g)throw s}}return l}}function Xo(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function Qo(r,e){return Zo(r)||Ko(r,e)||Jo(r,e)||Xo()}function Jo(r,e){if(r){if(typeof r=="string")return Ks(r,e);var t={}.toString.call(r).slice(8,-1);return t==="Object"&&r.constructor&&(t=r.constructor.name),t==="Map"||t==="Set"?Array.from(r):t==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(t)?Ks(r,e):void 0}}function kn(r){var e,t;function n(i,a){try{var l=r[i](a),c=l.value,g=c instanceof Vo;Promise.resolve(g?c.v:c).then(function(p){if(g){var m=i==="return"&&c.k?i:"next";if(!c.k||p.done)return n(m,p);p=r[m](p).value}s(!!l.done,p)},function(p){n("throw",p)})}catch(p){s(2,p)}}function s(i,a){i===2?e.reject(a):e.resolve({value:a,done:i}),(e=e.next)?n(e.key,e.arg):t=null}this._invoke=function(i,a){return new Promise(function(l,c){var g={key:i,arg:a,resolve:l,reject:c,next:null};t?t=t.next=g:(e=t=g,n(i,a))})},typeof r.return!="function"&&(this.return=void 0)}kn.prototype[typeof Symbol=="function"&&Symbol.asyncIterator||"@@asyncIterator"]=function(){return this},kn.prototype.next=function(r){return this._invoke("next",r)},kn.prototype.throw=function(r){return this._invoke("throw",r)},kn.prototype.return=function(r){return this._invoke("return",r)};var ci=Object.entries,ea=Object.keys,Xs=Object.setPrototypeOf,ta=Object.isFrozen,ui=Object.getPrototypeOf,pi=Object.getOwnPropertyDescriptor,Y=Object.freeze,j=Object.seal,Fe=Object.create,hi=typeof Reflect<"u"&&Reflect,vn=hi.apply,Er=hi.construct;Y||(Y=function(e){return e});j||(j=function(e){return e});vn||(vn=function(e,t){for(var n=arguments.length,s=new Array(n>2?n-2:0),i=2;i<n;i++)s[i-2]=arguments[i];return e.apply(t,s)});Er||(Er=function(e){for(var t=arguments.length,n=new Array(t>1?t-1:0),s=1;s<t;s++)n[s-1]=arguments[s];return new e(...n)});var Ce=D(Array.prototype.forEach),na=D(Array.prototype.lastIndexOf),Qs=D(Array.prototype.pop),Nt=D(Array.prototype.push),ra=D(Array.prototype.slice),sa=D(Array.prototype.splice),bt=Array.isArray,br=di(Set),yr=D(Set.prototype.add),Dt=D(Set.prototype.has),nt=D(String.prototype.toLowerCase),kr=D(String.prototype.toString),ia=D(String.prototype.match),wn=D(String.prototype.replace),wr=D(String.prototype.indexOf),oa=D(String.prototype.trim),aa=D(Number.prototype.toString),la=D(Boolean.prototype.toString),Js=typeof BigInt>"u"?null:D(BigInt.prototype.toString),ei=typeof Symbol>"u"?null:D(Symbol.prototype.toString),J=D(Object.prototype.hasOwnProperty),Mt=D(Object.prototype.toString),ca=RegExp.prototype.test,W=function(e,t){return e instanceof RegExp&&(e.lastIndex=0),vn(ca,e,[t])},Ie=di(TypeError);function D(r){return function(e){for(var t=arguments.length,n=new Array(t>1?t-1:0),s=1;s<t;s++)n[s-1]=arguments[s];return vn(r,e,n)}}function di(r){return function(){for(var e=arguments.length,t=new Array(e),n=0;n<e;n++)t[n]=arguments[n];return Er(r,t)}}function I(r,e){let t=arguments.length>2&&arguments[2]!==void 0?arguments[2]:nt;if(Xs&&Xs(r,null),!bt(e))return r;let n=e.length;for(;n--;){let s=e[n];if(typeof s=="string"){let i=t(s);i!==s&&(ta(e)||(e[n]=i),s=i)}r[s]=!0}return r}function ua(r){for(let e=0;e<r.length;e++)J(r,e)||(r[e]=null);return r}function An(r){let e=Fe(null);for(let n of ci(r)){var t=Qo(n,2);let s=t[0],i=t[1];J(r,s)&&(bt(i)?e[s]=ua(i):i&&typeof i=="object"&&i.constructor===Object?e[s]=An(i):e[s]=i)}return e}function Ut(r){let e=Fe(null),t=ea(r),n=t.length;for(;n--;)e[t[n]]=r[t[n]];return e}function pa(r){switch(typeof r){case"string":return r;case"number":return aa(r);case"boolean":return la(r);case"bigint":return Js?Js(r):"0";case"symbol":return ei?ei(r):"Symbol()";case"undefined":return Mt(r);case"function":case"object":{if(r===null)return Mt(r);let e=r,t=ce(e,"toString");if(typeof t=="function"){let n=t(e);return typeof n=="string"?n:Mt(n)}return Mt(r)}default:return Mt(r)}}function ce(r,e){for(;r!==null;){let n=pi(r,e);if(n){if(n.get)return D(n.get);if(typeof n.value=="function")return D(n.value)}r=ui(r)}function t(){return null}return t}function ha(r,e){for(;r!==null;){let t=pi(r,e);if(t)return t.get?D(t.get):null;r=ui(r)}return null}function da(r){if(!r)return!1;try{return W(r,""),!0}catch{return!1}}var ti=Y(["a","abbr","acronym","address","area","article","aside","audio","b","bdi","bdo","big","blink","blockquote","body","br","button","canvas","caption","center","cite","code","col","colgroup","content","data","datalist","dd","decorator","del","details","dfn","dialog","dir","div","dl","dt","element","em","fieldset","figcaption","figure","font","footer","form","h1","h2","h3","h4","h5","h6","head","header","hgroup","hr","html","i","img","input","ins","kbd","label","legend","li","main","map","mark","marquee","menu","menuitem","meter","nav","nobr","ol","optgroup","option","output","p","picture","pre","progress","q","rp","rt","ruby","s","samp","search","section","select","shadow","slot","small","source","spacer","span","strike","strong","style","sub","summary","sup","table","tbody","td","template","textarea","tfoot","th","thead","time","tr","track","tt","u","ul","var","video","wbr"]),$r=Y(["svg","a","altglyph","altglyphdef","altglyphitem","animatecolor","animatemotion","animatetransform","circle","clippath","defs","desc","ellipse","filter","font","g","glyph","glyphref","hkern","image","line","lineargradient","marker","mask","metadata","mpath","path","pattern","polygon","polyline","radialgradient","rect","stop","style","switch","symbol","text","textpath","title","tref","tspan","view","vkern"]),vr=Y(["feBlend","feColorMatrix","feComponentTransfer","feComposite","feConvolveMatrix","feDiffuseLighting","feDisplacementMap","feDistantLight","feDropShadow","feFlood","feFuncA","feFuncB","feFuncG","feFuncR","feGaussianBlur","feImage","feMerge","feMergeNode","feMorphology","feOffset","fePointLight","feSpecularLighting","feSpotLight","feTile","feTurbulence"]),fa=Y(["animate","color-profile","cursor","discard","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","foreignobject","hatch","hatchpath","mesh","meshgradient","meshpatch","meshrow","missing-glyph","script","set","solidcolor","unknown","use"]),Ar=Y(["math","menclose","merror","mfenced","mfrac","mglyph","mi","mlabeledtr","mmultiscripts","mn","mo","mover","mpadded","mphantom","mroot","mrow","ms","mspace","msqrt","mstyle","msub","msup","msubsup","mtable","mtd","mtext","mtr","munder","munderover","mprescripts"]),ga=Y(["maction","maligngroup","malignmark","mlongdiv","mscarries","mscarry","msgroup","mstack","msline","msrow","semantics","annotation","annotation-xml","mprescripts","none"]),ni=Y(["#text"]),ri=Y(["accept","action","align","alt","autocapitalize","autocomplete","autopictureinpicture","autoplay","background","bgcolor","border","capture","cellpadding","cellspacing","checked","cite","class","clear","color","cols","colspan","command","commandfor","controls","controlslist","coords","crossorigin","datetime","decoding","default","dir","disabled","disablepictureinpicture","disableremoteplayback","download","draggable","enctype","enterkeyhint","exportparts","face","for","headers","height","hidden","high","href","hreflang","id","inert","inputmode","integrity","ismap","kind","label","lang","list","loading","loop","low","max","maxlength","media","method","min","minlength","multiple","muted","name","nonce","noshade","novalidate","nowrap","open","optimum","part","pattern","placeholder","playsinline","popover","popovertarget","popovertargetaction","poster","preload","pubdate","radiogroup","readonly","rel","required","rev","reversed","role","rows","rowspan","spellcheck","scope","selected","shape","size","sizes","slot","span","srclang","start","src","srcset","step","style","summary","tabindex","title","translate","type","usemap","valign","value","width","wrap","xmlns"]),xr=Y(["accent-height","accumulate","additive","alignment-baseline","amplitude","ascent","attributename","attributetype","azimuth","basefrequency","baseline-shift","begin","bias","by","class","clip","clippathunits","clip-path","clip-rule","color","color-interpolation","color-interpolation-filters","color-profile","color-rendering","cx","cy","d","dx","dy","diffuseconstant","direction","display","divisor","dominant-baseline","dur","edgemode","elevation","end","exponent","fill","fill-opacity","fill-rule","filter","filterunits","flood-color","flood-opacity","font-family","font-size","font-size-adjust","font-stretch","font-style","font-variant","font-weight","fx","fy","g1","g2","glyph-name","glyphref","gradientunits","gradienttransform","height","href","id","image-rendering","in","in2","intercept","k","k1","k2","k3","k4","kerning","keypoints","keysplines","keytimes","lang","lengthadjust","letter-spacing","kernelmatrix","kernelunitlength","lighting-color","local","marker-end","marker-mid","marker-start","markerheight","markerunits","markerwidth","maskcontentunits","maskunits","max","mask","mask-type","media","method","mode","min","name","numoctaves","offset","operator","opacity","order","orient","orientation","origin","overflow","paint-order","path","pathlength","patterncontentunits","patterntransform","patternunits","pointer-events","points","preservealpha","preserveaspectratio","primitiveunits","r","rx","ry","radius","refx","refy","repeatcount","repeatdur","restart","result","rotate","scale","seed","shape-rendering","slope","specularconstant","specularexponent","spreadmethod","startoffset","stddeviation","stitchtiles","stop-color","stop-opacity","stroke-dasharray","stroke-dashoffset","stroke-linecap","stroke-linejoin","stroke-miterlimit","stroke-opacity","stroke","stroke-width","style","surfacescale","systemlanguage","tabindex","tablevalues","targetx","targety","transform","transform-origin","text-anchor","text-decoration","text-orientation","text-rendering","textlength","type","u1","u2","unicode","values","vector-effect","viewbox","visibility","version","vert-adv-y","vert-origin-x","vert-origin-y","width","word-spacing","wrap","writing-mode","xchannelselector","ychannelselector","x","x1","x2","xmlns","y","y1","y2","z","zoomandpan"]),si=Y(["accent","accentunder","align","bevelled","close","columnalign","columnlines","columnspacing","columnspan","denomalign","depth","dir","display","displaystyle","encoding","fence","frame","height","href","id","largeop","length","linethickness","lquote","lspace","mathbackground","mathcolor","mathsize","mathvariant","maxsize","minsize","movablelimits","notation","numalign","open","rowalign","rowlines","rowspacing","rowspan","rspace","rquote","scriptlevel","scriptminsize","scriptsizemultiplier","selection","separator","separators","stretchy","subscriptshift","supscriptshift","symmetric","voffset","width","xmlns"]),$n=Y(["xlink:href","xml:id","xlink:title","xml:space","xmlns:xlink"]),ma=j(/{{[\w\W]*|^[\w\W]*}}/g),ba=j(/<%[\w\W]*|^[\w\W]*%>/g),ya=j(/\${[\w\W]*/g),ka=j(/{{|}}|\${|<%|%>|&lt;%|%&gt;/),wa=j(/^data-[\-\w.\u00B7-\uFFFF]+$/),$a=j(/^aria-[\-\w]+$/),ii=j(/^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i),va=j(/^(?:\w+script|data):/i),Aa=j(/[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g),xa=j(/^html$/i),_a=j(/^[a-z][.\w]*(-[.\w]+)+$/i),_r=j(/<[/\w!]/g),oi=j(/<[/\w]/g),Ta=j(/<\/no(script|embed|frames)/i),ai=j(/\/>/i),Ea=j(/((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i),Sa=j(/^[\r\n\t ]+/),F={element:1,text:3,processingInstruction:7,comment:8,document:9,documentFragment:11},Ra=Y(I({},["style","script","xmp","iframe","noembed","noframes","plaintext","noscript"])),Ca=function(){return typeof window>"u"?null:window},Ia=function(e,t){if(typeof e!="object"||typeof e.createPolicy!="function")return null;let n=null,s="data-tt-policy-suffix";t&&t.hasAttribute(s)&&(n=t.getAttribute(s));let i="dompurify"+(n?"#"+n:"");try{return e.createPolicy(i,{createHTML(a){return a},createScriptURL(a){return a}})}catch{return console.warn("TrustedTypes policy "+i+" could not be created."),null}},li=function(){return{afterSanitizeAttributes:[],afterSanitizeElements:[],afterSanitizeShadowDOM:[],beforeSanitizeAttributes:[],beforeSanitizeElements:[],beforeSanitizeShadowDOM:[],uponSanitizeAttribute:[],uponSanitizeElement:[],uponSanitizeShadowNode:[]}},He=function(e,t,n,s){return J(e,t)&&bt(e[t])?I(s.base?Ut(s.base):{},e[t],s.transform):n},Tr=function(e,t,n){let s=J(e,t)?e[t]:void 0;return s&&typeof s=="object"?An(s):n};function fi(){let r=arguments.length>0&&arguments[0]!==void 0?arguments[0]:Ca(),e=d=>fi(d);if(e.version="3.4.18",e.removed=[],!r||!r.document||r.document.nodeType!==F.document||!r.Element)return e.isSupported=!1,e;let t=r.document,n=t,s=n.currentScript,i=r.HTMLTemplateElement,a=r.Node,l=r.Element,c=r.NodeFilter,g=r.DOMParser,p=r.trustedTypes,m=l.prototype,b=ce(m,"cloneNode"),v=ce(m,"remove"),T=ce(m,"removeAttributeNode"),L=ce(m,"nextSibling"),E=ce(m,"childNodes"),R=ce(m,"parentNode"),re=ce(m,"shadowRoot"),P=ce(m,"attributes"),ue=a&&a.prototype?ce(a.prototype,"nodeType"):null,se=a&&a.prototype?ce(a.prototype,"nodeName"):null,Pe=a&&a.prototype?ce(a.prototype,"ownerDocument"):null,X=function(o){return ue?ue(o):o.nodeType},ne=function(o){return se?se(o):o.nodeName},Le=ha(m,"namespaceURI"),Ne=function(o){return Le?Le(o):o.namespaceURI};if(typeof i=="function"){let d=t.createElement("template");d.content&&d.content.ownerDocument&&(t=d.content.ownerDocument)}let Z,me="",be,ee=!1,qe=0,xe=function(){if(qe>0)throw Ie('A configured TRUSTED_TYPES_POLICY callback (createHTML or createScriptURL) must not call DOMPurify.sanitize, as that causes infinite recursion. Do not pass a policy whose callbacks wrap DOMPurify as TRUSTED_TYPES_POLICY; see the "DOMPurify and Trusted Types" section of the README.')},$t=function(o){xe(),qe++;try{return Z.createHTML(o)}finally{qe--}},qr=function(o){return Z&&Un?$t(o):o},qi=function(o){xe(),qe++;try{return Z.createScriptURL(o)}finally{qe--}},Bi=function(){return ee||(be=Ia(p,s),ee=!0),be},Bt=t,In=Bt.implementation,Gi=Bt.createNodeIterator,Wi=Bt.createDocumentFragment,Yi=Bt.getElementsByTagName,Vi=n.importNode,M=li();e.isSupported=typeof ci=="function"&&typeof R=="function"&&In&&In.createHTMLDocument!==void 0;let Zi=ma,Ki=ba,Xi=ya,Qi=wa,Ji=$a,eo=va,to=Aa,no=_a,Br=ii,U=null,On=I({},[...ti,...$r,...vr,...Ar,...ni]),z=null,Pn=I({},[...ri,...xr,...si,...$n]),ye=null,vt=null,Gr=null,De=Object.seal(Fe(null,{tagCheck:{writable:!0,configurable:!1,enumerable:!0,value:null},attributeCheck:{writable:!0,configurable:!1,enumerable:!0,value:null}})),Wr=!0,Ln=!0,Yr=!1,Nn=!0,_e=!1,Be=!0,Ge=!1,Dn=!1,Gt=null,Wt=null,Mn=!1,lt=!1,Yt=!1,Un=!1,Vr=!0,Zr=!1,Kr="user-content-",zn=!0,Hn=!1,We=null,ct=!1,Ye=null,Xr=I({},["annotation-xml","audio","colgroup","desc","foreignobject","head","iframe","math","mi","mn","mo","ms","mtext","noembed","noframes","noscript","plaintext","script","selectedcontent","style","svg","template","thead","title","video","xmp"]),Qr=null,Jr=I({},["audio","video","img","source","image","track"]),es=null,ts=I({},["alt","class","for","id","label","name","pattern","placeholder","role","summary","title","value","style","xmlns"]),Vt="http://www.w3.org/1998/Math/MathML",Zt="http://www.w3.org/2000/svg",ke="http://www.w3.org/1999/xhtml",ut=ke,Fn=!1,ns=null,ro=I({},[Vt,Zt,ke],kr),so=Y(I({},["mi","mo","mn","ms","mtext"])),jn=null,io=Y(I({},["annotation-xml"])),qn=null,oo=Y(Fe(null)),ao=I({},["title","style","font","a","script"]),At=null,lo=["application/xhtml+xml","text/html"],co="text/html",H=null,Kt=null,uo=t.createElement("form"),rs=function(o){return o instanceof RegExp||o instanceof Function},Bn=function(){let o=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};(!o||typeof o!="object")&&(o={}),o=An(o),At=lo.indexOf(o.PARSER_MEDIA_TYPE)===-1?co:o.PARSER_MEDIA_TYPE,H=At==="application/xhtml+xml"?kr:nt,U=He(o,"ALLOWED_TAGS",On,{transform:H}),z=He(o,"ALLOWED_ATTR",Pn,{transform:H}),ns=He(o,"ALLOWED_NAMESPACES",ro,{transform:kr}),es=He(o,"ADD_URI_SAFE_ATTR",ts,{transform:H,base:ts}),Qr=He(o,"ADD_DATA_URI_TAGS",Jr,{transform:H,base:Jr}),Ye=He(o,"FORBID_CONTENTS",Xr,{transform:H}),vt=He(o,"FORBID_TAGS",Fe(null),{transform:H}),Gr=He(o,"FORBID_ATTR",Fe(null),{transform:H}),ct=J(o,"USE_PROFILES")?o.USE_PROFILES&&typeof o.USE_PROFILES=="object"?An(o.USE_PROFILES):o.USE_PROFILES:!1,Wr=o.ALLOW_ARIA_ATTR!==!1,Ln=o.ALLOW_DATA_ATTR!==!1,Yr=o.ALLOW_UNKNOWN_PROTOCOLS||!1,Nn=o.ALLOW_SELF_CLOSE_IN_ATTR!==!1,_e=o.SAFE_FOR_TEMPLATES||!1,Be=o.SAFE_FOR_XML!==!1,Ge=o.WHOLE_DOCUMENT||!1,lt=o.RETURN_DOM||!1,Yt=o.RETURN_DOM_FRAGMENT||!1,Un=o.RETURN_TRUSTED_TYPE||!1,Mn=o.FORCE_BODY||!1,Vr=o.SANITIZE_DOM!==!1,Zr=o.SANITIZE_NAMED_PROPS||!1,zn=o.KEEP_CONTENT!==!1,Hn=o.IN_PLACE||!1,Br=da(o.ALLOWED_URI_REGEXP)?o.ALLOWED_URI_REGEXP:ii,ut=typeof o.NAMESPACE=="string"?o.NAMESPACE:ke,jn=Tr(o,"MATHML_TEXT_INTEGRATION_POINTS",so),qn=Tr(o,"HTML_INTEGRATION_POINTS",io);let u=Tr(o,"CUSTOM_ELEMENT_HANDLING",oo);if(ye=Fe(null),J(u,"tagNameCheck")&&rs(u.tagNameCheck)&&(ye.tagNameCheck=u.tagNameCheck),J(u,"attributeNameCheck")&&rs(u.attributeNameCheck)&&(ye.attributeNameCheck=u.attributeNameCheck),J(u,"allowCustomizedBuiltInElements")&&typeof u.allowCustomizedBuiltInElements=="boolean"&&(ye.allowCustomizedBuiltInElements=u.allowCustomizedBuiltInElements),j(ye),_e&&(Ln=!1),Yt&&(lt=!0),ct&&((J(o,"ALLOWED_TAGS")||J(o,"ALLOWED_ATTR"))&&typeof console<"u"&&typeof console.warn=="function"&&console.warn("DOMPurify: USE_PROFILES overrides ALLOWED_TAGS and ALLOWED_ATTR. Do not use these options together."),U=I({},ni),z=Fe(null),ct.html===!0&&(I(U,ti),I(z,ri)),ct.svg===!0&&(I(U,$r),I(z,xr),I(z,$n)),ct.svgFilters===!0&&(I(U,vr),I(z,xr),I(z,$n)),ct.mathMl===!0&&(I(U,Ar),I(z,si),I(z,$n))),De.tagCheck=null,De.attributeCheck=null,J(o,"ADD_TAGS")&&(typeof o.ADD_TAGS=="function"?De.tagCheck=o.ADD_TAGS:bt(o.ADD_TAGS)&&(U===On&&(U=Ut(U)),I(U,o.ADD_TAGS,H))),J(o,"ADD_ATTR")&&(typeof o.ADD_ATTR=="function"?De.attributeCheck=o.ADD_ATTR:bt(o.ADD_ATTR)&&(z===Pn&&(z=Ut(z)),I(z,o.ADD_ATTR,H))),J(o,"ADD_FORBID_CONTENTS")&&bt(o.ADD_FORBID_CONTENTS)&&(Ye===Xr&&(Ye=Ut(Ye)),I(Ye,o.ADD_FORBID_CONTENTS,H)),zn&&(U["#text"]=!0),Ge&&I(U,["html","head","body"]),U.table&&(U.tbody=!0,delete vt.tbody),o.TRUSTED_TYPES_POLICY){if(typeof o.TRUSTED_TYPES_POLICY.createHTML!="function")throw Ie('TRUSTED_TYPES_POLICY configuration option must provide a "createHTML" hook.');if(typeof o.TRUSTED_TYPES_POLICY.createScriptURL!="function")throw Ie('TRUSTED_TYPES_POLICY configuration option must provide a "createScriptURL" hook.');let h=Z;Z=o.TRUSTED_TYPES_POLICY;try{me=$t("")}catch(f){throw Z=h,f}}else o.TRUSTED_TYPES_POLICY===null?(Z=void 0,me=""):(Z===void 0&&(Z=Bi()),Z&&typeof me=="string"&&(me=$t("")));Kt=Y(o)},ss=I({},[...$r,...vr,...fa]),is=I({},[...Ar,...ga]),po=function(o,u,h){return u===ke?o==="svg":u===Vt?o==="svg"&&(h==="annotation-xml"||jn[h]):!!ss[o]},ho=function(o,u,h){return u===ke?o==="math":u===Zt?o==="math"&&qn[h]:!!is[o]},fo=function(o,u,h){return u===Zt&&!qn[h]||u===Vt&&!jn[h]?!1:!is[o]&&(ao[o]||!ss[o])},go=function(o){let u=Ne(o),h=nt(ne(o)),f=R(o),w=ut,A="template";return f&&X(f)===F.element&&(w=Ne(f),A=nt(ne(f))),ns[u]?u===Zt?po(h,w,A):u===Vt?ho(h,w,A):u===ke?fo(h,w,A):At==="application/xhtml+xml":!1},Me=function(o){Nt(e.removed,{element:o});try{R(o).removeChild(o)}catch{if(v(o),!R(o))throw Ie("a node selected for removal could not be detached from its tree and cannot be safely returned; refusing to sanitize in place")}},os=function(o,u,h){try{T(o,u)}catch{try{o.removeAttribute(h)}catch{}}},Gn=function(o){Vn(o);let u=E(o);u&&Ce(ra(u),h=>{try{v(h)}catch{}}),X(o)===F.element&&Wn(o,!1)},pt=function(o,u,h){if(!h)try{h=u.getAttributeNode(o)}catch{h=null}if(Nt(e.removed,{attribute:h||null,from:u}),h)os(u,h,o);else try{u.removeAttribute(o)}catch{}if(o==="is")if(lt||Yt)try{Me(u)}catch{}else try{u.setAttribute(o,"")}catch{}},Wn=function(o,u){let h=P(o);if(h)for(let f=h.length-1;f>=0;--f){let w=h[f],A=w&&w.name;typeof A=="string"&&!(u&&z[H(A)])&&os(o,w,A)}},Yn=function(o,u){let h=arguments.length>2&&arguments[2]!==void 0?arguments[2]:!1,f=[o];for(;f.length>0;){let w=f.pop();if(u(w)===!1)continue;if(h&&X(w)===F.element){let S=re(w);ht(S)&&f.push(S)}let A=E(w);if(A)for(let S=A.length-1;S>=0;--S)f.push(A[S])}},Vn=function(o){Yn(o,u=>{X(u)===F.element&&Wn(u,!0)})},Zn=function(o){let u=[];return Yn(o,h=>{u.push(h)},!0),u},mo=function(o,u){let h=br();Ce(Zn(o),f=>{X(f)===F.element&&yr(h,f)}),Ce(u,f=>{X(f)===F.element&&!Dt(h,f)&&Wn(f,!0)})},as=function(o,u){let h=!1;return Ce(e.removed,f=>{f.element&&(h=h||f.element===o,Vn(f.element))}),mo(o,u),h},bo=8,yo=function(o,u){let h=We,f=null,w=()=>(f||(f=br(),Ce(u,A=>{yr(f,A)})),f);for(let A=0;;A++){let S=Zn(o),B=[o],Te=!1;if(Ce(S,he=>{X(he)===F.documentFragment?Nt(B,he):!Te&&!Dt(h,he)&&(Te=Dt(w(),he))}),!Te)return;if(A>=bo)throw Ie("the tree kept changing during in-place sanitization; refusing to return it");Ce(B,(he,ie)=>{ko(he,ie>0,o,w())})}},ko=function(o,u,h,f){let w=Xt(o),A;for(;A=w.nextNode();)!Dt(f,A)||Dt(We,A)||(u&&pe(M.uponSanitizeShadowNode,A,null),Jn(A,h))},wo=function(o){We&&yr(We,o)},ls=function(o,u){return Be?o==="patchsrc"?!0:o==="for"&&u!=="label"&&u!=="output":!1},$o=function(o){Be&&Yn(o,u=>{let h=X(u);if(h===F.processingInstruction||h===F.comment&&W(oi,u.data)){try{v(u)}catch{}return!1}if(h===F.element){let f=u,w=H(ne(u));try{f.hasAttribute&&f.hasAttribute("patchsrc")&&f.removeAttribute("patchsrc"),f.hasAttribute&&f.hasAttribute("for")&&ls("for",w)&&f.removeAttribute("for")}catch{}}return!0})},cs=function(o){let u=null,h=null;if(Mn)o="<remove></remove>"+o;else{let A=ia(o,Sa);h=A&&A[0]}At==="application/xhtml+xml"&&ut===ke&&(o='<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body>'+o+"</body></html>");let f=Z?$t(o):o;if(ut===ke)try{u=new g().parseFromString(f,At)}catch{}if(!u||!u.documentElement){u=In.createDocument(ut,"template",null);try{u.documentElement.innerHTML=Fn?me:f}catch{}}let w=u.body||u.documentElement;return o&&h&&w.insertBefore(t.createTextNode(h),w.childNodes[0]||null),ut===ke?Yi.call(u,Ge?"html":"body")[0]:Ge?u.documentElement:w},Xt=function(o){let u=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,h=Pe?Pe(o):o.ownerDocument;return Gi.call(h||o,o,(u?0:c.SHOW_ELEMENT)|c.SHOW_COMMENT|c.SHOW_TEXT|c.SHOW_PROCESSING_INSTRUCTION|c.SHOW_CDATA_SECTION,null)},Kn=function(o){return o=wn(o,Zi," "),o=wn(o,Ki," "),o=wn(o,Xi," "),o},Xn=function(o){var u;Qn(o);let h=(u=o.querySelectorAll)===null||u===void 0?void 0:u.call(o,"template");h&&Ce(h,f=>{ht(f.content)&&Xn(f.content)})},Qn=function(o){o.normalize();let u=Xt(o,!0),h=u.nextNode();for(;h;)h.data=Kn(h.data),h=u.nextNode()},Qt=function(o){let u=se?se(o):null;return typeof u!="string"||H(u)!=="form"?!1:typeof o.nodeName!="string"||typeof o.textContent!="string"||typeof o.removeChild!="function"||o.attributes!==P(o)||typeof o.removeAttribute!="function"||typeof o.removeAttributeNode!="function"||typeof o.getAttributeNode!="function"||typeof o.setAttribute!="function"||typeof o.namespaceURI!="string"||typeof o.insertBefore!="function"||typeof o.hasChildNodes!="function"||o.nodeType!==ue(o)||o.childNodes!==E(o)},us=function(o){if(!ue||typeof o!="object"||o===null)return null;try{let u=ue(o);return typeof u=="number"?u:null}catch{return null}},ht=function(o){return us(o)===F.documentFragment},xt=function(o){return us(o)!==null};function pe(d,o,u){d.length!==0&&Ce(d,h=>{h.call(e,o,u,Kt)})}let vo=function(o,u,h){return!!(Be&&h===F.element&&o.hasChildNodes()&&!xt(o.firstElementChild)&&W(_r,o.textContent)&&W(_r,o.innerHTML)||Be&&Ra[u]&&h===F.element&&Ne(o)===ke&&(xt(o.firstElementChild)||typeof o.textContent=="string"&&W(_r,o.textContent))||h===F.processingInstruction||Be&&h===F.comment&&W(oi,o.data))},Jt=function(o,u){if(o instanceof RegExp)return W(o,u);if(o instanceof Function){for(var h=arguments.length,f=new Array(h>2?h-2:0),w=2;w<h;w++)f[w-2]=arguments[w];return!!o(u,...f)}return!1},Ao=function(o,u,h){if(!vt[u]&&ds(u)&&Jt(ye.tagNameCheck,u))return!1;if(zn&&!Ye[u]&&!Ye[nt(u)]){let f=R(o),w=E(o);if(w&&f){let A=w.length;for(let S=A-1;S>=0;--S){let B=o===h?b(w[S],!0):w[S];f.insertBefore(B,L(o))}}}return Me(o),!0},ps=function(o,u,h,f){return o.length===0?u:u===h||u===f?Ut(u):u},dt=function(o,u){return o===u||R(o)!==null?!1:(Hn&&Vn(o),!0)},xo=function(o,u){if(wo(o),pe(M.beforeSanitizeElements,o,null),dt(o,u))return!0;if(Qt(o))return Me(o),!0;let h=H(ne(o)),f=X(o);if(U=ps(M.uponSanitizeElement,U,On,Gt),pe(M.uponSanitizeElement,o,{tagName:h,allowedTags:U}),dt(o,u))return!0;if(vo(o,h,f))return Me(o),!0;if(vt[h]||!(De.tagCheck instanceof Function&&De.tagCheck(h))&&!U[h]){let w=Ao(o,h,u);return w===!1&&(pe(M.afterSanitizeElements,o,null),dt(o,u))?!0:w}if(f===F.element&&!go(o)||(h==="noscript"||h==="noembed"||h==="noframes")&&W(Ta,o.innerHTML))return Me(o),!0;if(_e&&f===F.text){let w=o.textContent,A=Kn(w);w!==A&&(Nt(e.removed,{element:o.cloneNode()}),o.textContent=A)}return pe(M.afterSanitizeElements,o,null),dt(o,u)},hs=function(o,u,h){if(Gr[u]||ls(u,o)||Vr&&(u==="id"||u==="name")&&(h in t||h in uo))return!1;let f=z[u]||De.attributeCheck instanceof Function&&De.attributeCheck(u,o);if(Ln&&W(Qi,u)||Wr&&W(Ji,u))return!0;if(!f)return ds(o)&&Jt(ye.tagNameCheck,o)&&Jt(ye.attributeNameCheck,u,o)||u==="is"&&ye.allowCustomizedBuiltInElements&&Jt(ye.tagNameCheck,h);if(es[u])return!0;let w=wn(h,to,"");return W(Br,w)||(u==="src"||u==="xlink:href"||u==="href")&&o!=="script"&&wr(h,"data:")===0&&Qr[o]||Yr&&!W(eo,w)?!0:!h},_o=I({},["annotation-xml","color-profile","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","missing-glyph"]),ds=function(o){return!_o[nt(o)]&&W(no,o)},To=function(o,u,h,f){if(Z&&typeof p=="object"&&typeof p.getAttributeType=="function"&&!h)switch(p.getAttributeType(o,u)){case"TrustedHTML":return $t(f);case"TrustedScriptURL":return qi(f)}return f},Eo=function(o,u,h,f){try{return h?o.setAttributeNS(h,u,f):o.setAttribute(u,f),Qt(o)?(Me(o),!1):!0}catch{return pt(u,o),!1}},fs=function(o,u){return Be&&W(Ea,u)?!0:nt(o)==="attributename"&&wr(u,"href")!==-1},So=function(o,u){if(pe(M.beforeSanitizeAttributes,o,null),dt(o,u))return;let h=o.attributes;if(!h||Qt(o))return;z=ps(M.uponSanitizeAttribute,z,Pn,Wt);let f={attrName:"",attrValue:"",keepAttr:!0,allowedAttributes:z,forceKeepAttr:void 0},w=h.length,A=H(ne(o));for(;w--;){let S=h[w],B=S.name,Te=S.namespaceURI,he=S.value,ie=H(B),we=he,K=B==="value"?we:oa(we),gs=!1;if(f.attrName=ie,f.attrValue=K,f.keepAttr=!0,f.forceKeepAttr=void 0,pe(M.uponSanitizeAttribute,o,f),K=f.attrValue,Zr&&(ie==="id"||ie==="name")&&wr(K,Kr)!==0&&(pt(B,o,S),K=Kr+K,gs=!0),fs(B,K)){pt(B,o,S);continue}if(!f.forceKeepAttr){if(!f.keepAttr){pt(B,o,S);continue}if(!Nn&&W(ai,K)){pt(B,o,S);continue}if(_e&&(K=Kn(K)),!hs(A,ie,K)){pt(B,o,S);continue}K=To(A,ie,Te,K),K!==we&&Eo(o,B,Te,K)&&gs&&Qs(e.removed)}}pe(M.afterSanitizeAttributes,o,null),dt(o,u)},Jn=function(o,u){xo(o,u),So(o,u),ht(o.content)&&er(o.content)},er=function(o){let u=null,h=Xt(o);for(pe(M.beforeSanitizeShadowDOM,o,null);u=h.nextNode();)if(pe(M.uponSanitizeShadowNode,u,null),Jn(u,o),X(u)===F.element){let f=re(u);ht(f)&&(tr(f),er(f))}_e&&Qn(o),pe(M.afterSanitizeShadowDOM,o,null)},tr=function(o){let u=[{node:o,shadow:null}];for(;u.length>0;){let h=u.pop();if(h.shadow){er(h.shadow);continue}let f=h.node,w=X(f)===F.element,A=E(f);if(A)for(let S=A.length-1;S>=0;--S)u.push({node:A[S],shadow:null});if(w){let S=se?se(f):null;if(typeof S=="string"&&H(S)==="template"){let B=f.content;ht(B)&&u.push({node:B,shadow:null})}}if(w){let S=re(f);ht(S)&&u.push({node:null,shadow:S},{node:S,shadow:null})}}};return e.sanitize=function(d){let o=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},u=null,h=null,f=null,w=null;if(Fn=!d,Fn&&(d="<!-->"),typeof d!="string"&&!xt(d)&&(d=pa(d),typeof d!="string"))throw Ie("dirty is not a string, aborting");if(!e.isSupported)return d;Dn?(U=Gt,z=Wt):Bn(o),e.removed=[];let A=Hn&&typeof d!="string"&&xt(d),S=[],B=We;if(A){$o(d);let we=ne(d);if(typeof we=="string"){let K=H(we);if(!U[K]||vt[K])throw Gn(d),Ie("root node is forbidden and cannot be sanitized in-place")}if(Qt(d))throw Gn(d),Ie("root node is clobbered and cannot be sanitized in-place");S=Zn(d),We=br()}else if(xt(d))u=cs("<!---->"),h=u.ownerDocument.importNode(d,!0),h.nodeType===F.element&&h.nodeName==="BODY"||h.nodeName==="HTML"?u=h:u.appendChild(h),tr(u);else{if(!lt&&!_e&&!Ge&&d.indexOf("<")===-1)return qr(d);if(u=cs(d),!u)return lt?null:Un?me:""}u&&Mn&&Me(u.firstChild);let Te=A?d:u;try{A&&tr(d);let we=Xt(Te);for(;f=we.nextNode();)Jn(f,Te);A&&yo(d,S)}catch(we){throw A&&(Gn(d),as(d,S)),we}finally{We=B}if(A){if(as(d,S))throw Ie("a node selected for removal could not be safely returned; refusing to sanitize in place");return _e&&Xn(d),d}if(lt){if(_e&&Xn(u),Yt)for(w=Wi.call(u.ownerDocument);u.firstChild;)w.appendChild(u.firstChild);else w=u;return(z.shadowroot||z.shadowrootmode)&&(w=Vi.call(n,w,!0)),w}let he=()=>Ge?u.outerHTML:u.innerHTML,ie=he();return _e&&W(ka,ie)&&(Qn(u),ie=he()),Ge&&U["!doctype"]&&u.ownerDocument&&u.ownerDocument.doctype&&u.ownerDocument.doctype.name&&W(xa,u.ownerDocument.doctype.name)&&(ie="<!DOCTYPE "+u.ownerDocument.doctype.name+`>
`+ie),qr(ie)},e.setConfig=function(){let d=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};Bn(d),Dn=!0,Gt=U,Wt=z},e.clearConfig=function(){Kt=null,Dn=!1,Gt=null,Wt=null,Z=be,me=""},e.isValidAttribute=function(d,o,u){Kt||Bn({});let h=H(d),f=H(o);return typeof u=="string"&&(fs(o,u)||!Nn&&W(ai,u))?!1:hs(h,f,u)},e.addHook=function(d,o){typeof o=="function"&&J(M,d)&&Nt(M[d],o)},e.removeHook=function(d,o){if(J(M,d)){if(o!==void 0){let u=na(M[d],o);return u===-1?void 0:sa(M[d],u,1)[0]}return Qs(M[d])}},e.removeHooks=function(d){J(M,d)&&(M[d]=[])},e.removeAllHooks=function(){M=li()},e}var gi=fi();function Ir(){return{async:!1,breaks:!1,extensions:null,gfm:!0,hooks:null,pedantic:!1,renderer:null,silent:!1,tokenizer:null,walkTokens:null}}var at=Ir();function Ti(r){at=r}var st={exec:()=>null};function rt(r){let e=[];return t=>{let n=Math.max(0,Math.min(3,t-1)),s=e[n];return s||(s=r(n),e[n]=s),s}}function x(r,e=""){let t=typeof r=="string"?r:r.source,n={replace:(s,i)=>{let a=typeof i=="string"?i:i.source;return a=a.replace(G.caret,"$1"),t=t.replace(s,a),n},getRegex:()=>new RegExp(t,e)};return n}var Ei=((r="")=>{try{return!!new RegExp("(?<=1)(?<!1)"+r)}catch{return!1}})(),G={codeRemoveIndent:/^(?: {0,3}\t| {1,4})/gm,listInterruptsParagraph:/^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/,outputLinkReplace:/\\([\[\]])/g,indentCodeCompensation:/^(\s+)(?:```)/,beginningSpace:/^\s+/,endingHash:/#$/,startingSpaceChar:/^ /,endingSpaceChar:/ $/,endingSpaceTabChar:/[ \t]$/,nonSpaceChar:/[^ ]/,newLineCharGlobal:/\n/g,tabCharGlobal:/\t/g,leadingSpaceTab:/^[ \t]+/,multipleSpaceGlobal:/\s+/g,blankLine:/^[ \t]*$/,doubleBlankLine:/\n[ \t]*\n[ \t]*$/,blockquoteStart:/^ {0,3}>/,blockquoteSetextReplace:/\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g,blockquoteSetextReplace2:/^ {0,3}>[ \t]?/gm,blockquoteMarkerWhitespace:/^( {0,3}>)(\t[ \t]*)/gm,nestedBlockMarker:/^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/,listReplaceNesting:/^ {1,4}(?=( {4})*[^ ])/g,listIsTask:/^\[[ xX]\][ \t]+\S/,listReplaceTask:/^\[[ xX]\][ \t]+/,listTaskCheckbox:/\[[ xX]\]/,anyLine:/\n.*\n/,hrefBrackets:/^<(.*)>$/,tableDelimiter:/[:|]/,tableAlignChars:/^\||\| *$/g,tableRowBlankLine:/\n[ \t]*$/,tableAlignRight:/^ *-+: *$/,tableAlignCenter:/^ *:-+: *$/,tableAlignLeft:/^ *:-+ *$/,startATag:/^<a /i,endATag:/^<\/a>/i,startPreScriptTag:/^<(pre|code|kbd|script)(\s|>)/i,endPreScriptTag:/^<\/(pre|code|kbd|script)(\s|>)/i,startAngleBracket:/^</,endAngleBracket:/>$/,pedanticHrefTitle:/^([^'"]*[^\s])\s+(['"])(.*)\2/,unicodeAlphaNumeric:/[\p{L}\p{N}]/u,numericCharacterReference:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/,numericCharacterReferenceOrAmpersand:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,escapeTest:/[&<>"']/,escapeReplace:/[&<>"']/g,escapeTestNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/,escapeReplaceNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,caret:/(^|[^\[])\^/g,percentDecode:/%25/g,findPipe:/\|/g,splitPipe:/ \|/,slashPipe:/\\\|/g,carriageReturn:/\r\n|\r/g,spaceLine:/^ +$/gm,notSpaceStart:/^\S*/,endingNewline:/\n$/,listItemRegex:r=>new RegExp(`^( {0,3}${r})((?:[	 ][^\\n]*)?(?:\\n|$))`),nextBulletRegex:rt(r=>new RegExp(`^ {0,${r}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)),hrRegex:rt(r=>new RegExp(`^ {0,${r}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)),fencesBeginRegex:rt(r=>new RegExp(`^ {0,${r}}(?:\`\`\`|~~~)`)),headingBeginRegex:rt(r=>new RegExp(`^ {0,${r}}#{1,6}(?:\\s|$)`)),pedanticHeadingBeginRegex:rt(r=>new RegExp(`^ {0,${r}}#`)),htmlBeginRegex:rt(r=>new RegExp(`^ {0,${r}}(?:</?(?:${Pr})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,"i")),blockquoteBeginRegex:rt(r=>new RegExp(`^ {0,${r}}>`)),nestedContainerMarkers:/^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/},Oa=/^(?:[ \t]*(?:\n|$))+/,Pa=/^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/,La=/^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/,Ft=/^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/,Na=/^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/,Or=/ {0,3}(?:[*+-]|\d{1,9}[.)])/,Pr="address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul",jt=x(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag",Pr).getRegex(),Si=/^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/,Ri=x(Si).replace(/bull/g,Or).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g,"").replace(/html/g,jt).getRegex(),Da=x(Si).replace(/bull/g,Or).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g,/ {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g,jt).getRegex(),Lr=/^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/,Ma=/^[^\n]+/,Nr=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/,Ua=x(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label",Nr).replace("title",/(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex(),za=x(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g,Or).getRegex(),Dr=/<!--(?:-?>|[\s\S]*?(?:-->|$))/,Ha=x("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))","i").replace("comment",Dr).replace("tag",Pr).replace("attribute",/[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex(),Ci=r=>x(Lr).replace("hr",Ft).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("|table","").replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list",r).replace("html",jt).getRegex(),Fa=Ci(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/),ja=Ci(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/),qa=x(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph",ja).getRegex(),Mr={blockquote:qa,code:Pa,def:Ua,fences:La,heading:Na,hr:Ft,html:Ha,lheading:Ri,list:za,newline:Oa,paragraph:Fa,table:st,text:Ma},mi=x("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr",Ft).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("blockquote"," {0,3}>").replace("code","(?: {4}| {0,3}	)[^\\n]").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html",jt).getRegex(),Ba={...Mr,lheading:Da,table:mi,paragraph:x(Lr).replace("hr",Ft).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("table",mi).replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html",jt).getRegex()},Ga={...Mr,html:x(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment",Dr).replace(/tag/g,"(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(),def:/^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/,heading:/^(#{1,6})(.*)(?:\n+|$)/,fences:st,lheading:/^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/,paragraph:x(Lr).replace("hr",Ft).replace("heading",` *#{1,6} *[^
]`).replace("|table","").replace("blockquote"," {0,3}>").replace("|fences","").replace("|list","").replace("|html","").replace("|tag","").replace("lheading",Ri).getRegex()},Wa=/^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/,Ya=/^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/,Ii=/^( {2,}|\\)\n(?!\s*$)[ \t]*/,Va=/^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/,Ae=/[\p{P}\p{S}]/u,kt=/[\s\p{P}\p{S}]/u,qt=/[^\s\p{P}\p{S}]/u,Za=x(/^((?![*_])punctSpace)/,"u").replace(/punctSpace/g,kt).getRegex(),Ka=/[\p{Pi}\p{Ps}"']/u,Oi=/(?!~)[\p{P}\p{S}]/u,Xa=/(?!~)[\s\p{P}\p{S}]/u,Qa=/(?:[^\s\p{P}\p{S}]|~)/u,Ja=x(/link|precode-code|html/,"g").replace("link",/\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-",Ei?"(?<!`)()":"(^^|[^`])").replace("code",/(?<b>`+)[^`]+\k<b>(?!`)/).replace("html",/<(?! )[^<>]*?>/).getRegex(),Pi=/^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/,el=x(Pi,"u").replace(/punct/g,Ae).getRegex(),tl=x(Pi,"u").replace(/punct/g,Oi).getRegex(),nl=/^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/,rl=x(nl,"u").replace(/openQuote/g,Ka).replace(/punct/g,Ae).getRegex(),Li="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)",sl=x(Li,"gu").replace(/notPunctSpace/g,qt).replace(/punctSpace/g,kt).replace(/punct/g,Ae).getRegex(),il=x(Li,"gu").replace(/notPunctSpace/g,Qa).replace(/punctSpace/g,Xa).replace(/punct/g,Oi).getRegex(),ol="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)",al=x(ol,"gu").replace(/notPunctSpace/g,qt).replace(/punctSpace/g,kt).replace(/punct/g,Ae).getRegex(),ll=x("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)","gu").replace(/notPunctSpace/g,qt).replace(/punctSpace/g,kt).replace(/punct/g,Ae).getRegex(),cl="^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)",ul=x(cl,"gu").replace(/notPunctSpace/g,qt).replace(/punctSpace/g,kt).replace(/punct/g,Ae).getRegex(),pl=x(/^~~?(?:((?!~)punct)|[^\s~])/,"u").replace(/punct/g,Ae).getRegex(),hl="^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)",dl=x(hl,"gu").replace(/notPunctSpace/g,qt).replace(/punctSpace/g,kt).replace(/punct/g,Ae).getRegex(),fl=x(/\\(punct)/,"gu").replace(/punct/g,Ae).getRegex(),gl=x(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/,"gu").replace(/punct/g,Ae).getRegex(),ml=x(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme",/[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email",/[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex(),bl=x(Dr).replace("(?:-->|$)","-->").getRegex(),yl=x("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment",bl).replace("attribute",/\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex(),Ni=/\[(?:\\[\s\S]|[^\[\]\\])*\]/,Tn=x(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets",Ni).getRegex(),kl=x(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label",Tn).replace("href",/<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title",/"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex(),wl=x(/^!?\[(label)\]\[(ref)\]/).replace("label",Tn).replace("ref",Nr).getRegex(),$l=x(/^!?\[(ref)\](?:\[\])?/).replace("ref",Nr).getRegex(),bi=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/,vl=x(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets",Ni).getRegex(),Al=x("reflink|nolink(?!\\()","g").replace("reflink",x(/^!?\[(label)\]\[(ref)\]/).replace("label",vl).replace("ref",bi).getRegex()).replace("nolink",x(/^!?\[(ref)\](?:\[\])?/).replace("ref",bi).getRegex()).getRegex(),yi=/[hH][tT][tT][pP][sS]?|[fF][tT][pP]/,xl=/[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/,_l=x(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g,xl).getRegex(),Ur={_backpedal:st,anyPunctuation:fl,anyPunctuationOutsideCode:gl,autolink:ml,blockSkip:Ja,br:Ii,code:Ya,del:st,delLDelim:st,delRDelim:st,emStrongLDelim:el,emStrongRDelimAst:sl,emStrongRDelimUnd:ll,escape:Wa,link:kl,nolink:$l,punctuation:Za,reflink:wl,reflinkSearch:Al,tag:yl,text:Va,url:st},Tl={...Ur,emStrongLDelim:rl,emStrongRDelimAst:al,emStrongRDelimUnd:ul,link:x(/^!?\[(label)\]\((.*?)\)/).replace("label",Tn).getRegex(),reflink:x(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label",Tn).getRegex()},Sr={...Ur,emStrongRDelimAst:il,emStrongLDelim:tl,delLDelim:pl,delRDelim:dl,url:x(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol",_l).replace("protocol",yi).replace("email",/[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(),_backpedal:/(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/,del:/^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/,text:x(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol",yi).replace(/emailProtocol/g,/(?:mailto|xmpp):/).replace("wwwStart",Ei?"(?<![^\\s*_~(])www\\.":"www\\.").getRegex()},El={...Sr,br:x(Ii).replace("{2,}","*").getRegex(),text:x(Sr.text).replace("\\b_","\\b_| {2,}\\n").replace(/\{2,\}/g,"*").getRegex()},xn={normal:Mr,gfm:Ba,pedantic:Ga},zt={normal:Ur,gfm:Sr,breaks:El,pedantic:Tl},Sl={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"},ki=r=>Sl[r];function ae(r,e){if(e){if(G.escapeTest.test(r))return r.replace(G.escapeReplace,ki)}else if(G.escapeTestNoEncode.test(r))return r.replace(G.escapeReplaceNoEncode,ki);return r}function Rl(r){return G.numericCharacterReference.test(r)?r.replace(G.numericCharacterReferenceOrAmpersand,(e,t,n)=>{if(t===void 0&&n===void 0)return"&amp;";let s=t===void 0?Number.parseInt(n,16):Number.parseInt(t,10);return s===0||s>1114111||s>=55296&&s<=57343?"�":s===38?"&amp;":String.fromCodePoint(s)}):r}function wi(r){try{r=encodeURI(r).replace(G.percentDecode,"%")}catch{return null}return r}function $i(r,e){let t=r.replace(G.findPipe,(i,a,l)=>{let c=!1,g=a;for(;--g>=0&&l[g]==="\\";)c=!c;return c?"|":" |"}),n=t.split(G.splitPipe),s=0;if(n[0].trim()||n.shift(),n.length>0&&!n.at(-1)?.trim()&&n.pop(),e)if(n.length>e)n.splice(e);else for(;n.length<e;)n.push("");for(;s<n.length;s++)n[s]=n[s].trim().replace(G.slashPipe,"|");return n}function Oe(r,e,t){let n=r.length;if(n===0)return"";let s=0;for(;s<n;){let i=r.charAt(n-s-1);if(i===e&&!t)s++;else if(i!==e&&t)s++;else break}return r.slice(0,n-s)}function vi(r){let e=r.split(`
`),t=e.length-1;for(;t>=0&&G.blankLine.test(e[t]);)t--;return e.length-t<=2?r:e.slice(0,t+1).join(`
`)}function En(r){return r.trim().replace(G.multipleSpaceGlobal," ").toLowerCase().toUpperCase().toLowerCase()}function Ai(r,e){if(r.indexOf(e[0])===-1&&r.indexOf(e[1])===-1)return-1;let t=0;for(let n=0;n<r.length;n++)if(r[n]==="\\")n++;else if(r[n]===e[0])t++;else if(r[n]===e[1]&&(t--,t<0))return n;return t>0?-2:-1}var yt=new WeakMap;function zr(r){let e={"*":-1,_:-1},t=-1,n=r.length;for(let s=0;s<n;s++){let i=r[s];if(i!=="*"&&i!=="_"&&i!=="~")continue;let a=s===0?`
`:r[s-1],l=s+1;for(;l<n&&r[l]===i;)l++;a!==" "&&a!=="	"&&a!==`
`&&a!=="\r"&&a!=="\f"&&(i==="~"?t=s:e[i]=s),s=l-1}return{maskedSrc:r,lastPossibleEmStrongCloserIndex:e,lastPossibleDelCloserIndex:t}}function Cl(r,e){let t=zr(e),n=yt.get(r);n?n.push(t):yt.set(r,[t])}function Il(r){let e=yt.get(r);e&&(e.pop(),e.length===0&&yt.delete(r))}function Di(r,e,t){let n=yt.get(r)?.at(-1);return n&&n.maskedSrc===e?n.lastPossibleEmStrongCloserIndex[t]:zr(e).lastPossibleEmStrongCloserIndex[t]}function Mi(r,e){let t=yt.get(r)?.at(-1);return t&&t.maskedSrc===e?t.lastPossibleDelCloserIndex:zr(e).lastPossibleDelCloserIndex}function _n(r,e=0){let t=e,n="";for(let s of r)if(s==="	"){let i=4-t%4;n+=" ".repeat(i),t+=i}else n+=s,t++;return n}function Ol(r,e){let t="";for(let n=0;n<r.length;n++){if(r[n]==="`"){let s=e.inline.code.exec(r.slice(n));if(s){t+=s[0],n+=s[0].length-1;continue}}if(r[n]==="\\"&&(r[n+1]==="["||r[n+1]==="]")){t+=r[n+1],n++;continue}t+=r[n]}return t}function xi(r,e,t,n,s){let i=e.href,a=e.title||null,l=Ol(r[1],s),c=r[0].charAt(0)==="!",g=n.state.inLink,p=n.state.linkEmitted,m=n.state.inRawBlock;n.state.inLink=!0,n.state.linkEmitted=!1;let b=n.inlineTokens(l),v=n.state.linkEmitted;if(n.state.linkEmitted=p,n.state.inLink=g,!c){if(v){n.state.inRawBlock=m;return}n.state.linkEmitted=!0}return{type:c?"image":"link",raw:t,href:i,title:a,text:l,tokens:b}}function Pl(r,e,t){let n=r.match(t.other.indentCodeCompensation);if(n===null)return e;let s=n[1];return e.split(`
`).map(i=>{let a=i.match(t.other.beginningSpace);if(a===null)return i;let[l]=a;return i.slice(Math.min(l.length,s.length))}).join(`
`)}function _i(r,e,t,n){if(!e.includes("<"))return!1;for(let s=0;s<e.length;s++){if(e[s]==="\\"){s++;continue}if(e[s]==="`"){let l=n.inline.code.exec(e.slice(s));if(l){s+=l[0].length-1;continue}}if(e[s]!=="<")continue;let i=r.slice(t+s),a=n.inline.tag.exec(i)||n.inline.autolink.exec(i);if(a){if(a[0].length>e.length-s)return!0;s+=a[0].length-1}}return!1}var it=class{options;rules;lexer;constructor(r){this.options=r||at}space(r){let e=this.rules.block.newline.exec(r);if(e&&e[0].length>0)return{type:"space",raw:e[0]}}code(r){let e=this.rules.block.code.exec(r);if(e){let t=this.options.pedantic?e[0]:vi(e[0]),n=t.replace(this.rules.other.codeRemoveIndent,"");return{type:"code",raw:t,codeBlockStyle:"indented",text:n}}}fences(r){let e=this.rules.block.fences.exec(r);if(e){let t=e[0],n=Pl(t,e[3]||"",this.rules);return e[3]!==void 0&&(n===""||n.endsWith(`
`))&&(n+=`
`),{type:"code",raw:t,lang:e[2]?e[2].trim().replace(this.rules.inline.anyPunctuation,"$1"):e[2],text:n}}}heading(r){let e=this.rules.block.heading.exec(r);if(e){let t=e[2].trim();if(this.rules.other.endingHash.test(t)){let n=Oe(t,"#");(this.options.pedantic||!n||this.rules.other.endingSpaceTabChar.test(n))&&(t=n.trim())}return{type:"heading",raw:Oe(e[0],`
`),depth:e[1].length,text:t,tokens:this.lexer.inline(t)}}}hr(r){let e=this.rules.block.hr.exec(r);if(e)return{type:"hr",raw:Oe(e[0],`
`)}}blockquote(r){let e=this.rules.block.blockquote.exec(r);if(e){let t=Oe(e[0],`
`).split(`
`),n="",s="",i=[];for(;t.length>0;){let a=!1,l=[],c;for(c=0;c<t.length;c++)if(this.rules.other.blockquoteStart.test(t[c]))l.push(t[c]),a=!0;else if(!a)l.push(t[c]);else break;t=t.slice(c);let g=l.join(`
`),p=g.replace(this.rules.other.blockquoteMarkerWhitespace,(v,T,L)=>L.startsWith(" ")?T+" "+L.slice(1):T+_n(L,T.length)).replace(this.rules.other.blockquoteSetextReplace,`
    $1`).replace(this.rules.other.blockquoteSetextReplace2,"");n=n?`${n}
${g}`:g,s=s?`${s}
${p}`:p;let m=this.lexer.state.top;if(this.lexer.state.top=!0,this.lexer.blockTokens(p,i,!0),this.lexer.state.top=m,t.length===0)break;let b=i.at(-1);if(b?.type==="code"||b?.type==="heading"||b?.type==="hr"||b?.type==="html"||b?.type==="table")break;if(b?.type==="blockquote"){let v=b,T=t.join(`
`),L=v.raw+`
`+T.replace(this.rules.other.blockquoteSetextReplace2,""),E=this.blockquote(L);i[i.length-1]=E;let R=L.substring(E.raw.length).replace(/^\n/,""),re=R?R.split(`
`).length:0,P=re?t.slice(0,-re):t;if(P.length>0&&(n=`${n}
${P.join(`
`)}`),s=s.substring(0,s.length-v.text.length)+E.text,t=t.slice(P.length),t.length>0&&this.rules.other.blockquoteStart.test(t[0]))continue;break}else if(b?.type==="list"){let v=b,T=v.raw+`
`+t.join(`
`),L=this.list(T);i[i.length-1]=L;let E=L.raw.length>v.raw.length?T.slice(v.raw.length+1,L.raw.length).split(`
`).length:0;if(E>0){let R=t.slice(0,E).join(`
`);n=`${n}
${R}`,s=`${s}
${R}`}if(t=t.slice(E),t.length>0&&!this.rules.other.blockquoteStart.test(t[0]))break;continue}}return{type:"blockquote",raw:n,tokens:i,text:s}}}list(r){let e=this.rules.block.list.exec(r);if(e){if(!this.options.pedantic&&this.lexer.state.lastToken?.type==="text"&&!this.rules.other.listInterruptsParagraph.test(r))return;let t=r,n=()=>t.length-r.length,s=e[1].trim(),i=s.length>1,a={type:"list",raw:"",ordered:i,start:i?+s.slice(0,-1):"",loose:!1,items:[]};s=i?`\\d{1,9}\\${s.slice(-1)}`:`\\${s}`,this.options.pedantic&&(s=i?s:"[*+-]");let l=this.rules.other.listItemRegex(s),c=!1;for(;r;){let m=!1,b="";if(!(e=l.exec(r))||this.rules.block.hr.test(r))break;let v=n();r=r.substring(e[0].length);let T=e[2].split(`
`,1)[0],L=e[1].length,E=this.options.pedantic?_n(T,L):T.replace(this.rules.other.leadingSpaceTab,se=>_n(se,L)),R=r.split(`
`,1)[0],re=!E.trim(),P=0;if(this.options.pedantic?(P=2,b=E.trimStart()):re?P=L+1:(P=E.search(this.rules.other.nonSpaceChar),P=P>4?1:P,b=E.slice(P),P+=L),re&&this.rules.other.blankLine.test(R)&&(r=r.substring(R.length+1),m=!0),!m){let se=this.rules.other.nextBulletRegex(P),Pe=this.rules.other.hrRegex(P),X=this.rules.other.fencesBeginRegex(P),ne=this.options.pedantic?this.rules.other.pedanticHeadingBeginRegex(P):this.rules.other.headingBeginRegex(P),Le=this.rules.other.htmlBeginRegex(P),Ne=this.rules.other.blockquoteBeginRegex(P),Z=!1;for(;r;){let me=r.split(`
`,1)[0],be;if(R=me,this.options.pedantic?(R=R.replace(this.rules.other.listReplaceNesting,"  "),be=R):be=R.replace(this.rules.other.leadingSpaceTab,ee=>_n(ee)),X.test(R)||ne.test(R)||Le.test(R)||Ne.test(R)||se.test(R)||Pe.test(R))break;if(be.search(this.rules.other.nonSpaceChar)>=P||!R.trim())b+=`
`+be.slice(P),Z=!1;else{if(re)break;let ee=E;if(!this.options.pedantic&&!b.includes(`
`)&&!E.includes("	")){let xe;for(;!Pe.test(ee)&&(xe=this.rules.other.nestedBlockMarker.exec(ee));)ee=ee.slice(xe[0].length);if(!ee.trim())break}if(ee.replace(this.rules.other.tabCharGlobal,"    ").search(this.rules.other.nonSpaceChar)>=4||X.test(ee)||ne.test(ee)||Le.test(ee)||Pe.test(ee))break;if(!this.options.pedantic&&!Z){let xe=E.replace(this.rules.other.nestedContainerMarkers,"");if(this.rules.block.fences.test(xe)||this.rules.block.heading.test(xe)||this.rules.block.hr.test(xe))break}let qe=!this.options.pedantic&&/^ {0,3}(?:=+|-+) *$/.test(R)&&this.rules.block.lheading.test(`${E}
${R}`)?`    ${be.replace(/^ {0,3}/,"")}`:R;b+=`
`+qe,Z=!0}re=!R.trim(),r=r.substring(me.length+1),E=be.slice(P)}}let ue=t.slice(v,n());a.loose||(c?a.loose=!0:this.rules.other.doubleBlankLine.test(ue)&&(c=!0)),a.items.push({type:"list_item",raw:ue,task:!!this.options.gfm&&this.rules.other.listIsTask.test(b),loose:!1,text:b,tokens:[]})}let g=a.items.at(-1);if(g)g.raw=g.raw.trimEnd(),g.text=g.text.trimEnd();else return;a.raw=t.slice(0,n()).trimEnd();let p=[];for(let m of a.items)if(this.lexer.state.top=!1,p.push(this.lexer.inlineQueue.length),m.tokens=this.lexer.blockTokens(m.text,[]),!a.loose){let b=m.tokens.filter(T=>T.type==="space"),v=b.length>0&&b.some(T=>this.rules.other.anyLine.test(T.raw));a.loose=v}for(let m=0;m<a.items.length;m++){let b=a.items[m],v=b.tokens[0];if(b.task&&(v?.type==="text"||v?.type==="paragraph")){b.text=b.text.replace(this.rules.other.listReplaceTask,""),v.raw=v.raw.replace(this.rules.other.listReplaceTask,""),v.text=v.text.replace(this.rules.other.listReplaceTask,"");let T=this.lexer.inlineQueue;for(let E=p[m];E<T.length;E++)if(T[E].tokens===v.tokens){T[E].src=T[E].src.replace(this.rules.other.listReplaceTask,"");break}let L=this.rules.other.listTaskCheckbox.exec(b.raw);if(L){let E={type:"checkbox",raw:L[0]+" ",checked:L[0]!=="[ ]"};b.checked=E.checked,a.loose?b.tokens[0]&&["paragraph","text"].includes(b.tokens[0].type)&&"tokens"in b.tokens[0]&&b.tokens[0].tokens?(b.tokens[0].raw=E.raw+b.tokens[0].raw,b.tokens[0].text=E.raw+b.tokens[0].text,b.tokens[0].tokens.unshift(E)):b.tokens.unshift({type:"paragraph",raw:E.raw,text:E.raw,tokens:[E]}):b.tokens.unshift(E)}}else b.task&&(b.task=!1)}if(a.loose)for(let m of a.items){m.loose=!0;for(let b of m.tokens)b.type==="text"&&(b.type="paragraph")}return a}}html(r){let e=this.rules.block.html.exec(r);if(e){if(this.lexer.state.lastToken?.type==="paragraph"&&!this.rules.other.htmlBeginRegex(4).test(r))return;let t=vi(e[0]);return{type:"html",block:!0,raw:t,pre:e[1]==="pre"||e[1]==="script"||e[1]==="style",text:t}}}def(r){let e=this.rules.block.def.exec(r);if(e){if(!this.rules.other.startAngleBracket.test(e[2])&&Ai(e[2],"()")!==-1)return;let t=En(e[1]),n=e[2]?e[2].replace(this.rules.other.hrefBrackets,"$1").replace(this.rules.inline.anyPunctuation,"$1"):"",s=e[3]?e[3].substring(1,e[3].length-1).replace(this.rules.inline.anyPunctuation,"$1"):e[3];return{type:"def",tag:t,raw:Oe(e[0],`
`),href:n,title:s}}}table(r){let e=this.rules.block.table.exec(r);if(!e||!this.rules.other.tableDelimiter.test(e[2]))return;let t=$i(e[1]),n=e[2].replace(this.rules.other.tableAlignChars,"").split("|"),s=e[3]?.trim()?e[3].replace(this.rules.other.tableRowBlankLine,"").split(`
`):[],i={type:"table",raw:Oe(e[0],`
`),header:[],align:[],rows:[]};if(t.length===n.length){for(let a of n)this.rules.other.tableAlignRight.test(a)?i.align.push("right"):this.rules.other.tableAlignCenter.test(a)?i.align.push("center"):this.rules.other.tableAlignLeft.test(a)?i.align.push("left"):i.align.push(null);for(let a=0;a<t.length;a++)i.header.push({text:t[a],tokens:this.lexer.inline(t[a]),header:!0,align:i.align[a]});for(let a of s)i.rows.push($i(a,i.header.length).map((l,c)=>({text:l,tokens:this.lexer.inline(l),header:!1,align:i.align[c]})));return i}}lheading(r){let e=this.rules.block.lheading.exec(r);if(e){let t=e[1].trim();return{type:"heading",raw:Oe(e[0],`
`),depth:e[2].charAt(0)==="="?1:2,text:t,tokens:this.lexer.inline(t)}}}paragraph(r){let e=this.rules.block.paragraph.exec(r);if(e){let t=e[1].charAt(e[1].length-1)===`
`?e[1].slice(0,-1):e[1];return{type:"paragraph",raw:e[0],text:t,tokens:this.lexer.inline(t)}}}text(r){let e=this.rules.block.text.exec(r);if(e)return{type:"text",raw:e[0],text:e[0],tokens:this.lexer.inline(e[0])}}escape(r){if(r.charCodeAt(0)!==92)return;let e=this.rules.inline.escape.exec(r);if(e)return{type:"escape",raw:e[0],text:e[1]}}tag(r){if(r.charCodeAt(0)!==60)return;let e=this.rules.inline.tag.exec(r);if(e)return!this.lexer.state.inLink&&this.rules.other.startATag.test(e[0])?this.lexer.state.inLink=!0:this.lexer.state.inLink&&this.rules.other.endATag.test(e[0])&&(this.lexer.state.inLink=!1),!this.lexer.state.inRawBlock&&this.rules.other.startPreScriptTag.test(e[0])?this.lexer.state.inRawBlock=!0:this.lexer.state.inRawBlock&&this.rules.other.endPreScriptTag.test(e[0])&&(this.lexer.state.inRawBlock=!1),{type:"html",raw:e[0],inLink:this.lexer.state.inLink,inRawBlock:this.lexer.state.inRawBlock,block:!1,text:e[0]}}link(r){if(this.lexer.state.linkParenPossible===!1)return;let e=r.charCodeAt(0);if(e!==91&&e!==33)return;let t=this.rules.inline.link.exec(r);if(t){let n=t[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&_i(r,t[1],n,this.rules))return;let s=t[2].trim();if(!this.options.pedantic&&this.rules.other.startAngleBracket.test(s)){if(!this.rules.other.endAngleBracket.test(s))return;let c=Oe(s.slice(0,-1),"\\");if((s.length-c.length)%2===0)return}else{let c=Ai(t[2],"()");if(c===-2)return;if(c>-1){let g=(t[0].indexOf("!")===0?5:4)+t[1].length+c;t[2]=t[2].substring(0,c),t[0]=t[0].substring(0,g).trim(),t[3]=""}}let i=Oe(t[0].slice(0,-1),"\\");if((t[0].length-i.length)%2===0)return;let a=t[2],l="";if(this.options.pedantic){let c=this.rules.other.pedanticHrefTitle.exec(a);c&&(a=c[1],l=c[3])}else l=t[3]?t[3].slice(1,-1):"";return a=a.trim(),this.rules.other.startAngleBracket.test(a)&&(this.options.pedantic&&!this.rules.other.endAngleBracket.test(s)?a=a.slice(1):a=a.slice(1,-1)),xi(t,{href:a&&a.replace(this.rules.inline.anyPunctuation,"$1"),title:l&&l.replace(this.rules.inline.anyPunctuation,"$1")},t[0],this.lexer,this.rules)}}reflink(r,e){let t=r.charCodeAt(0);if(t!==91&&t!==33)return;let n;if((n=this.rules.inline.reflink.exec(r))||(n=this.rules.inline.nolink.exec(r))){let s=n[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&_i(r,n[1],s,this.rules))return;let i=e[En(n[2]||n[1])];if(!i){let a=n[0].charAt(0);return{type:"text",raw:a,text:a}}return xi(n,i,n[0],this.lexer,this.rules)}}emStrong(r,e,t=""){let n=this.rules.inline.emStrongLDelim.exec(r);if(!n||!n[1]&&!n[2]&&!n[3]&&!n[4])return;let s=n[0][0],i=t===s,a=e.length-r.length,l=a;for(;!this.options.pedantic&&l>0&&e[l-1]===s;)l--;let c=[...e.slice(Math.max(0,l-2),l)].at(-1)??"",g=c==="*"||c==="_"||!!this.rules.inline.punctuation.exec(c);l<a&&(t=c);let p=l<a?g:t==="*"||t==="_"||!!this.rules.inline.punctuation.exec(t);if(n[4]&&t.match(this.rules.other.unicodeAlphaNumeric))return;let m=n[1]||n[3]||"";if(!m||!t||p){let b=[...n[0]].length-1,v,T,L=b,E=0,R=a-l+b,re=!this.options.pedantic&&!!c.trim()&&(!!m||s==="*"&&!g);if(s!=="*"&&s!=="_")return;let P=s==="*"?this.rules.inline.emStrongRDelimAst:this.rules.inline.emStrongRDelimUnd,ue=Di(this,e,s),se=e.length-r.length+b;if(ue<se)return;e=e.slice(-1*r.length+b);let Pe=ue-se;for(P.lastIndex=0;(n=P.exec(e))!==null&&!(n.index>Pe);){if(v=n[1]||n[2]||n[3]||n[4]||n[5]||n[6],!v)continue;if(T=[...v].length,n[3]||n[4]){L+=T;continue}else if((n[5]||n[6]||re)&&R%3&&!((R+T)%3)){if(i&&(n[5]||n[6]))break;E+=T;continue}if(L-=T,L>0)continue;T=Math.min(T,T+L+E);let X=[...n[0]][0].length,ne=r.slice(0,b+n.index+X+T);if(Math.min(b,T)%2){let Ne=ne.slice(1,-1);return{type:"em",raw:ne,text:Ne,tokens:this.lexer.inlineTokens(Ne)}}let Le=ne.slice(2,-2);return{type:"strong",raw:ne,text:Le,tokens:this.lexer.inlineTokens(Le)}}}}codespan(r){if(r.charCodeAt(0)!==96)return;let e=this.rules.inline.code.exec(r);if(e){let t=e[2].replace(this.rules.other.newLineCharGlobal," "),n=this.rules.other.nonSpaceChar.test(t),s=this.rules.other.startingSpaceChar.test(t)&&this.rules.other.endingSpaceChar.test(t);return n&&s&&(t=t.substring(1,t.length-1)),{type:"codespan",raw:e[0],text:t}}}br(r){let e=r.charCodeAt(0);if(e!==32&&e!==92&&e!==10)return;let t=this.rules.inline.br.exec(r);if(t)return{type:"br",raw:t[0]}}del(r,e,t=""){if(r.charCodeAt(0)!==126)return;let n=this.rules.inline.delLDelim.exec(r);if(n&&(!n[1]||!t||this.rules.inline.punctuation.exec(t))){let s=[...n[0]].length-1,i,a,l=s,c=this.rules.inline.delRDelim,g=Mi(this,e),p=e.length-r.length+s;if(g<p)return;e=e.slice(-1*r.length+s);let m=g-p;for(c.lastIndex=0;(n=c.exec(e))!==null&&!(n.index>m);){if(i=n[1]||n[2]||n[3]||n[4]||n[5]||n[6],!i||(a=[...i].length,a!==s))continue;if(n[3]||n[4]){l+=a;continue}if(l-=a,l>0)continue;a=Math.min(a,a+l);let b=[...n[0]][0].length,v=r.slice(0,s+n.index+b+a),T=v.slice(s,-s);return{type:"del",raw:v,text:T,tokens:this.lexer.inlineTokens(T)}}}}autolink(r){if(r.charCodeAt(0)!==60)return;let e=this.rules.inline.autolink.exec(r);if(e){let t,n;return e[2]==="@"?(t=e[1],n="mailto:"+t):(t=e[1],n=t),{type:"link",raw:e[0],text:t,href:n,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}url(r){let e;if(e=this.rules.inline.url.exec(r)){let t,n;if(e[2]==="@")t=e[0],n="mailto:"+t;else{let s;do s=e[0],e[0]=this.rules.inline._backpedal.exec(e[0])?.[0]??"";while(s!==e[0]);t=e[0],e[1]==="www."?n="http://"+e[0]:n=e[0]}return{type:"link",raw:e[0],text:t,href:n,autolink:!0,tokens:[{type:"text",raw:t,text:t}]}}}inlineText(r){let e=this.rules.inline.text.exec(r);if(e){let t=this.lexer.state.inRawBlock;return{type:"text",raw:e[0],text:t?e[0]:Rl(e[0]),escaped:t}}}},fe=class Rr{tokens;options;state;inlineQueue;tokenizer;constructor(e){this.tokens=[],this.tokens.links=Object.create(null),this.options=e||at,this.options.tokenizer=this.options.tokenizer||new it,this.tokenizer=this.options.tokenizer,this.tokenizer.options=this.options,this.tokenizer.lexer=this,this.inlineQueue=[],this.state={inLink:!1,inRawBlock:!1,linkEmitted:!1,linkParenPossible:!0,top:!0};let t={other:G,block:xn.normal,inline:zt.normal};this.options.pedantic?(t.block=xn.pedantic,t.inline=zt.pedantic):this.options.gfm&&(t.block=xn.gfm,this.options.breaks?t.inline=zt.breaks:t.inline=zt.gfm),this.tokenizer.rules=t}static get rules(){return{block:xn,inline:zt}}static lex(e,t){return new Rr(t).lex(e)}static lexInline(e,t){return new Rr(t).inlineTokens(e)}lex(e){e=e.replace(G.carriageReturn,`
`),this.blockTokens(e,this.tokens);for(let t=0;t<this.inlineQueue.length;t++){let n=this.inlineQueue[t];this.state.inRawBlock=!1,this.inlineTokens(n.src,n.tokens)}return this.inlineQueue=[],this.tokens}blockTokens(e,t=[],n=!1){this.tokenizer.lexer=this;let s=this.state.lastToken;this.options.pedantic&&(e=e.replace(G.tabCharGlobal,"    ").replace(G.spaceLine,""));let i=1/0,a,l=this.options.gfm&&!this.options.pedantic&&this.tokenizer.paragraph===it.prototype.paragraph;for(;e;){if(e.length<i)i=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}this.state.lastToken=t.at(-1);let c;if(this.options.extensions?.block?.some(p=>(c=p.call({lexer:this},e,t))?(e=e.substring(c.raw.length),t.push(c),!0):!1))continue;if(c=this.tokenizer.space(e)){e=e.substring(c.raw.length);let p=t.at(-1);c.raw.length===1&&p!==void 0?p.raw+=`
`:t.push(c);continue}if(c=this.tokenizer.code(e)){e=e.substring(c.raw.length);let p=t.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+c.raw,p.text+=`
`+c.text,this.inlineQueue.at(-1).src=p.text):t.push(c);continue}if(c=this.tokenizer.fences(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.heading(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.hr(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.blockquote(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.list(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.html(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.def(e)){e=e.substring(c.raw.length);let p=t.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+c.raw,p.text+=`
`+c.raw,this.inlineQueue.at(-1).src=p.text):(this.tokens.links[c.tag]||(this.tokens.links[c.tag]={href:c.href,title:c.title}),t.push(c));continue}if(c=this.tokenizer.table(e)){e=e.substring(c.raw.length),t.push(c);continue}if(c=this.tokenizer.lheading(e)){e=e.substring(c.raw.length),t.push(c);continue}let g=e;if(this.options.extensions?.startBlock){let p=1/0,m=e.slice(1),b;this.options.extensions.startBlock.forEach(v=>{b=v.call({lexer:this},m),typeof b=="number"&&b>=0&&(p=Math.min(p,b))}),p<1/0&&p>=0&&(g=e.substring(0,p+1))}if(this.state.top&&(c=this.tokenizer.paragraph(g))){let p=t.at(-1);(n||p===a&&l)&&p?.type==="paragraph"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+c.raw,p.text+=`
`+c.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text,a=p):(t.push(c),a=c),n=g.length!==e.length,e=e.substring(c.raw.length);continue}if(c=this.tokenizer.text(e)){e=e.substring(c.raw.length);let p=t.at(-1);p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+c.raw,p.text+=`
`+c.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text):t.push(c);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return this.state.top=!0,this.state.lastToken=s,t}inline(e,t=[]){return this.inlineQueue.push({src:e,tokens:t}),t}linkInText(e){if(!e.includes("["))return!1;let t=this.tokenizer.rules.inline.link;for(let n of e.matchAll(this.tokenizer.rules.inline.blockSkip))if(t.test(n[0])&&e.charAt(n.index-1)!=="!")return!0;for(let n of e.matchAll(this.tokenizer.rules.inline.reflinkSearch)){let s=n[0],i=s.lastIndexOf("[");if(!(s.charAt(0)==="!"||!Object.hasOwn(this.tokens.links,En(s.slice(i+1,-1))))&&!(i>1&&this.linkInText(s.slice(1,i-1))))return!0}return!1}inlineTokens(e,t=[]){this.tokenizer.lexer=this;let n=this.state.linkParenPossible;this.state.linkParenPossible=e.includes(")");try{return this.#t(e,t)}finally{this.state.linkParenPossible=n}}#t(e,t){let n=e.includes("*")||e.includes("_")||e.includes("~"),s=n||this.options.hooks?.emStrongMask||this.tokenizer.emStrong!==it.prototype.emStrong||this.tokenizer.del!==it.prototype.del?this.#r(e):e;if(!n)return this.#e(e,s,t);Cl(this.tokenizer,s);try{return this.#e(e,s,t)}finally{Il(this.tokenizer)}}#e(e,t,n){let s=!1,i="",a=1/0;for(;e;){if(e.length<a)a=e.length;else{this.infiniteLoopError(e.charCodeAt(0));break}s||(i=""),s=!1;let l;if(this.options.extensions?.inline?.some(p=>(l=p.call({lexer:this},e,n))?(e=e.substring(l.raw.length),n.push(l),!0):!1))continue;if(l=this.tokenizer.escape(e)){e=e.substring(l.raw.length),n.push(l);continue}if(l=this.tokenizer.tag(e)){e=e.substring(l.raw.length),n.push(l);continue}if(l=this.tokenizer.link(e)){e=e.substring(l.raw.length),n.push(l);continue}if(l=this.tokenizer.reflink(e,this.tokens.links)){e=e.substring(l.raw.length);let p=n.at(-1);l.type==="text"&&p?.type==="text"?(p.raw+=l.raw,p.text+=l.text):n.push(l);continue}let c=e[0];if(c==="*"||c==="_"){let p=t.length-e.length;if(Di(this.tokenizer,t,c)<=p){let m=1;for(;m<e.length&&e.charCodeAt(m)===c.charCodeAt(0);)m++;let b=e.substring(0,m),v=n.at(-1);v?.type==="text"&&!v.escaped?(v.raw+=b,v.text+=b):n.push({type:"text",raw:b,text:b,escaped:!1}),e=e.substring(m),i=c,s=!0;continue}}else if(c==="~"){let p=t.length-e.length;if(Mi(this.tokenizer,t)<=p){let m=1;for(;m<e.length&&e.charCodeAt(m)===126;)m++;let b=e.substring(0,m),v=n.at(-1);v?.type==="text"&&!v.escaped?(v.raw+=b,v.text+=b):n.push({type:"text",raw:b,text:b,escaped:!1}),e=e.substring(m),i=c,s=!0;continue}}if(l=this.tokenizer.emStrong(e,t,i)){e=e.substring(l.raw.length),n.push(l);continue}if(l=this.tokenizer.codespan(e)){e=e.substring(l.raw.length),n.push(l);continue}if(l=this.tokenizer.br(e)){e=e.substring(l.raw.length),n.push(l);continue}if(l=this.tokenizer.del(e,t,i)){e=e.substring(l.raw.length),n.push(l);continue}if(l=this.tokenizer.autolink(e)){e=e.substring(l.raw.length),n.push(l);continue}if(!this.state.inLink&&(l=this.tokenizer.url(e))){e=e.substring(l.raw.length),n.push(l);continue}let g=e;if(this.options.extensions?.startInline){let p=1/0,m=e.slice(1),b;this.options.extensions.startInline.forEach(v=>{b=v.call({lexer:this},m),typeof b=="number"&&b>=0&&(p=Math.min(p,b))}),p<1/0&&p>=0&&(g=e.substring(0,p+1))}if(l=this.tokenizer.inlineText(g)){e=e.substring(l.raw.length),l.raw.slice(-1)!=="_"&&(i=l.raw.slice(-1)),s=!0;let p=n.at(-1);p?.type==="text"?(p.raw+=l.raw,p.text+=l.text):n.push(l);continue}if(e){this.infiniteLoopError(e.charCodeAt(0));break}}return n}#n(e){let{blockSkip:t,tag:n,autolink:s}=this.tokenizer.rules.inline,i="",a=0,l;for(t.lastIndex=0;l=t.exec(e);){let c=l.index+(l[2]?l[2].length:0),g=l.index+l[0].length;if(e.charAt(c)==="<"){let p=e.slice(c),m=n.exec(p)||s.exec(p);if(!m){t.lastIndex=c+1;continue}g=c+m[0].length,t.lastIndex=g}i+=e.slice(a,c)+"["+"a".repeat(g-c-2)+"]",a=g}return i+e.slice(a)}#r(e){let t=e;if(this.tokens.links&&e.includes("[")){let n=this.tokenizer.rules.inline.reflinkSearch,s=i=>{let a=i.lastIndexOf("[");if(!Object.hasOwn(this.tokens.links,En(i.slice(a+1,-1))))return i;if(a>1&&i.charAt(0)!=="!"){let l=i.slice(1,a-1);if(this.linkInText(l))return"["+l.replace(n,s)+"]["+"a".repeat(i.length-a-2)+"]"}return"["+"a".repeat(i.length-2)+"]"};t=t.replace(n,s)}return t=t.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode,(n,s,i)=>i?"+".repeat(n.length):s?s+n.slice(s.length,-s.length).replace(/`/g,"+")+s:n),t=this.#n(t),t=this.options.hooks?.emStrongMask?.call({lexer:this},t)??t,t}infiniteLoopError(e){let t="Infinite loop on byte: "+e;if(this.options.silent)console.error(t);else throw new Error(t)}},Sn=class{options;parser;constructor(r){this.options=r||at}space(r){return""}code({text:r,lang:e,escaped:t}){let n=(e||"").match(G.notSpaceStart)?.[0],s=r?r.replace(G.endingNewline,"")+`
`:"";return n?'<pre><code class="language-'+ae(n)+'">'+(t?s:ae(s,!0))+`</code></pre>
`:"<pre><code>"+(t?s:ae(s,!0))+`</code></pre>
`}blockquote({tokens:r}){return`<blockquote>
${this.parser.parse(r)}</blockquote>
`}html({text:r}){return r}def(r){return""}heading({tokens:r,depth:e}){return`<h${e}>${this.parser.parseInline(r)}</h${e}>
`}hr(r){return`<hr>
`}list(r){let e=r.ordered,t=r.start,n="";for(let a=0;a<r.items.length;a++){let l=r.items[a];n+=this.listitem(l)}let s=e?"ol":"ul",i=e&&t!==1?' start="'+t+'"':"";return"<"+s+i+`>
`+n+"</"+s+`>
`}listitem(r){return`<li>${this.parser.parse(r.tokens)}</li>
`}checkbox({checked:r}){return"<input "+(r?'checked="" ':"")+'disabled="" type="checkbox"> '}paragraph({tokens:r}){return`<p>${this.parser.parseInline(r)}</p>
`}table(r){let e="",t="";for(let s=0;s<r.header.length;s++)t+=this.tablecell(r.header[s]);e+=this.tablerow({text:t});let n="";for(let s=0;s<r.rows.length;s++){let i=r.rows[s];t="";for(let a=0;a<i.length;a++)t+=this.tablecell(i[a]);n+=this.tablerow({text:t})}return n&&(n=`<tbody>${n}</tbody>`),`<table>
<thead>
`+e+`</thead>
`+n+`</table>
`}tablerow({text:r}){return`<tr>
${r}</tr>
`}tablecell(r){let e=this.parser.parseInline(r.tokens),t=r.header?"th":"td";return(r.align?`<${t} align="${r.align}">`:`<${t}>`)+e+`</${t}>
`}strong({tokens:r}){return`<strong>${this.parser.parseInline(r)}</strong>`}em({tokens:r}){return`<em>${this.parser.parseInline(r)}</em>`}codespan({text:r}){return`<code>${ae(r,!0)}</code>`}br(r){return"<br>"}del({tokens:r}){return`<del>${this.parser.parseInline(r)}</del>`}link({href:r,title:e,text:t,tokens:n,autolink:s}){let i=s?ae(t,!0):this.parser.parseInline(n),a=wi(r);if(a===null)return i;r=ae(a,s);let l='<a href="'+r+'"';return e&&(l+=' title="'+ae(e)+'"'),l+=">"+i+"</a>",l}image({href:r,title:e,text:t,tokens:n}){n&&(t=this.parser.parseInline(n,this.parser.textRenderer));let s=wi(r);if(s===null)return ae(t);r=s;let i=`<img src="${ae(r)}" alt="${ae(t)}"`;return e&&(i+=` title="${ae(e)}"`),i+=">",i}text(r){return"tokens"in r&&r.tokens?this.parser.parseInline(r.tokens):"escaped"in r&&r.escaped?r.text:ae(r.text)}},Hr=class{parser;strong({text:r,tokens:e}){return e?this.parser.parseInline(e,this):r}em({text:r,tokens:e}){return e?this.parser.parseInline(e,this):r}codespan({text:r}){return r}del({text:r,tokens:e}){return e?this.parser.parseInline(e,this):r}html({text:r}){return r}text({text:r}){return r}link({text:r,tokens:e}){return e?this.parser.parseInline(e,this):r}image({text:r,tokens:e}){return e?this.parser.parseInline(e,this):r}br(){return`
`}checkbox({raw:r}){return r}},ge=class Cr{options;renderer;textRenderer;constructor(e){this.options=e||at,this.options.renderer=this.options.renderer||new Sn,this.renderer=this.options.renderer,this.renderer.options=this.options,this.renderer.parser=this,this.textRenderer=new Hr,this.textRenderer.parser=this}static parse(e,t){return new Cr(t).parse(e)}static parseInline(e,t){return new Cr(t).parseInline(e)}parse(e){this.renderer.parser=this;let t="";for(let n=0;n<e.length;n++){let s=e[n];if(this.options.extensions?.renderers?.[s.type]){let a=s,l=this.options.extensions.renderers[a.type].call({parser:this},a);if(l!==!1||!["space","hr","heading","code","table","blockquote","list","checkbox","html","def","paragraph","text"].includes(a.type)){t+=l===!1?"":l??"";continue}}let i=s;switch(i.type){case"space":{t+=this.renderer.space(i);break}case"hr":{t+=this.renderer.hr(i);break}case"heading":{t+=this.renderer.heading(i);break}case"code":{t+=this.renderer.code(i);break}case"table":{t+=this.renderer.table(i);break}case"blockquote":{t+=this.renderer.blockquote(i);break}case"list":{t+=this.renderer.list(i);break}case"checkbox":{t+=this.renderer.checkbox(i);break}case"html":{t+=this.renderer.html(i);break}case"def":{t+=this.renderer.def(i);break}case"paragraph":{t+=this.renderer.paragraph(i);break}case"text":{t+=this.renderer.text(i);break}default:{let a='Token with "'+i.type+'" type was not found.';if(this.options.silent)return console.error(a),"";throw new Error(a)}}}return t}parseInline(e,t=this.renderer){this.renderer.parser=this;let n="";for(let s=0;s<e.length;s++){let i=e[s];if(this.options.extensions?.renderers?.[i.type]){let l=this.options.extensions.renderers[i.type].call({parser:this},i);if(l!==!1||!["escape","html","link","image","checkbox","strong","em","codespan","br","del","text"].includes(i.type)){n+=l===!1?"":l??"";continue}}let a=i;switch(a.type){case"escape":{n+=t.text(a);break}case"html":{n+=t.html(a);break}case"link":{n+=t.link(a);break}case"image":{n+=t.image(a);break}case"checkbox":{n+=t.checkbox(a);break}case"strong":{n+=t.strong(a);break}case"em":{n+=t.em(a);break}case"codespan":{n+=t.codespan(a);break}case"br":{n+=t.br(a);break}case"del":{n+=t.del(a);break}case"text":{n+=t.text(a);break}default:{let l='Token with "'+a.type+'" type was not found.';if(this.options.silent)return console.error(l),"";throw new Error(l)}}}return n}},Ht=class{options;block;constructor(r){this.options=r||at}static passThroughHooks=new Set(["preprocess","postprocess","processAllTokens","emStrongMask"]);static passThroughHooksRespectAsync=new Set(["preprocess","postprocess","processAllTokens"]);preprocess(r){return r}postprocess(r){return r}processAllTokens(r){return r}emStrongMask(r){return r}provideLexer(r=this.block){return r?fe.lex:fe.lexInline}provideParser(r=this.block){return r?ge.parse:ge.parseInline}};function je(r,e){if(Array.isArray(e))for(let t=0;t<e.length;t++)r.push(e[t]);else r.push(e)}var Ll=class{defaults=Ir();options=this.setOptions;parse=this.parseMarkdown(!0);parseInline=this.parseMarkdown(!1);Parser=ge;Renderer=Sn;TextRenderer=Hr;Lexer=fe;Tokenizer=it;Hooks=Ht;constructor(...r){this.use(...r)}walkTokens(r,e){let t=[];for(let n of r)switch(je(t,e.call(this,n)),n.type){case"table":{let s=n;for(let i of s.header)je(t,this.walkTokens(i.tokens,e));for(let i of s.rows)for(let a of i)je(t,this.walkTokens(a.tokens,e));break}case"list":{let s=n;je(t,this.walkTokens(s.items,e));break}default:{let s=n;this.defaults.extensions?.childTokens?.[s.type]?this.defaults.extensions.childTokens[s.type].forEach(i=>{let a=s[i].flat(1/0);je(t,this.walkTokens(a,e))}):s.tokens&&je(t,this.walkTokens(s.tokens,e))}}return t}use(...r){let e=this.defaults.extensions||{renderers:Object.create(null),childTokens:Object.create(null)};return r.forEach(t=>{let n={...t};if(n.async=this.defaults.async||n.async||!1,t.extensions&&(t.extensions.forEach(s=>{if(!s.name)throw new Error("extension name required");if("renderer"in s){let i=e.renderers[s.name];i?e.renderers[s.name]=function(...a){let l=s.renderer.apply(this,a);return l===!1&&(l=i.apply(this,a)),l}:e.renderers[s.name]=s.renderer}if("tokenizer"in s){if(!s.level||s.level!=="block"&&s.level!=="inline")throw new Error("extension level must be 'block' or 'inline'");let i=e[s.level];i?i.unshift(s.tokenizer):e[s.level]=[s.tokenizer],s.start&&(s.level==="block"?e.startBlock?e.startBlock.push(s.start):e.startBlock=[s.start]:s.level==="inline"&&(e.startInline?e.startInline.push(s.start):e.startInline=[s.start]))}"childTokens"in s&&s.childTokens&&(e.childTokens[s.name]=s.childTokens)}),n.extensions=e),t.renderer){let s=this.defaults.renderer||new Sn(this.defaults);for(let i in t.renderer){if(!(i in s))throw new Error(`renderer '${i}' does not exist`);if(["options","parser"].includes(i))continue;let a=i,l=t.renderer[a],c=s[a];s[a]=(...g)=>{let p=l.apply(s,g);return p===!1&&(p=c.apply(s,g)),p===!1?"":p??""}}n.renderer=s}if(t.tokenizer){let s=this.defaults.tokenizer||new it(this.defaults);for(let i in t.tokenizer){if(!(i in s))throw new Error(`tokenizer '${i}' does not exist`);if(["options","rules","lexer"].includes(i))continue;let a=i,l=t.tokenizer[a],c=s[a];s[a]=(...g)=>{let p=l.apply(s,g);return p===!1&&(p=c.apply(s,g)),p}}n.tokenizer=s}if(t.hooks){let s=this.defaults.hooks||new Ht;for(let i in t.hooks){if(!(i in s))throw new Error(`hook '${i}' does not exist`);if(["options","block"].includes(i))continue;let a=i,l=t.hooks[a],c=s[a];Ht.passThroughHooks.has(i)?s[a]=g=>{if(s.options.async&&Ht.passThroughHooksRespectAsync.has(i))return(async()=>{let m=await l.call(s,g);return c.call(s,m)})();let p=l.call(s,g);return c.call(s,p)}:s[a]=(...g)=>{if(s.options.async)return(async()=>{let m=await l.apply(s,g);return m===!1&&(m=await c.apply(s,g)),m})();let p=l.apply(s,g);return p===!1&&(p=c.apply(s,g)),p}}n.hooks=s}if(t.walkTokens){let s=this.defaults.walkTokens,i=t.walkTokens;n.walkTokens=function(a){let l=[];return je(l,i.call(this,a)),s&&je(l,s.call(this,a)),l}}this.defaults={...this.defaults,...n}}),this}setOptions(r){return this.defaults={...this.defaults,...r},this}lexer(r,e){return fe.lex(r,e??this.defaults)}parser(r,e){return ge.parse(r,e??this.defaults)}parseMarkdown(r){return(e,t)=>{let n={...t},s={...this.defaults,...n},i=this.onError(!!s.silent,!!s.async);if(this.defaults.async===!0&&n.async===!1)return i(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));if(typeof e>"u"||e===null)return i(new Error("marked(): input parameter is undefined or null"));if(typeof e!="string")return i(new Error("marked(): input parameter is of type "+Object.prototype.toString.call(e)+", string expected"));if(s.hooks&&(s.hooks.options=s,s.hooks.block=r),s.async)return(async()=>{let a=s.hooks?await s.hooks.preprocess(e):e,l=await(s.hooks?await s.hooks.provideLexer(r):r?fe.lex:fe.lexInline)(a,s),c=s.hooks?await s.hooks.processAllTokens(l):l;s.walkTokens&&await Promise.all(this.walkTokens(c,s.walkTokens));let g=await(s.hooks?await s.hooks.provideParser(r):r?ge.parse:ge.parseInline)(c,s);return s.hooks?await s.hooks.postprocess(g):g})().catch(i);try{s.hooks&&(e=s.hooks.preprocess(e));let a=(s.hooks?s.hooks.provideLexer(r):r?fe.lex:fe.lexInline)(e,s);s.hooks&&(a=s.hooks.processAllTokens(a)),s.walkTokens&&this.walkTokens(a,s.walkTokens);let l=(s.hooks?s.hooks.provideParser(r):r?ge.parse:ge.parseInline)(a,s);return s.hooks&&(l=s.hooks.postprocess(l)),l}catch(a){return i(a)}}}onError(r,e){return t=>{if(t.message+=`
Please report this to https://github.com/markedjs/marked.`,r){let n="<p>An error occurred:</p><pre>"+ae(t.message+"",!0)+"</pre>";return e?Promise.resolve(n):n}if(e)return Promise.reject(t);throw t}}},ot=new Ll;function O(r,e){return ot.parse(r,e)}O.options=O.setOptions=function(r){return ot.setOptions(r),O.defaults=ot.defaults,Ti(O.defaults),O};O.getDefaults=Ir;O.defaults=at;function Nl(...r){return ot.use(...r),O.defaults=ot.defaults,Ti(O.defaults),O}O.use=Nl;O.walkTokens=function(r,e){return ot.walkTokens(r,e)};O.parseInline=ot.parseInline;O.Parser=ge;O.parser=ge.parse;O.Renderer=Sn;O.TextRenderer=Hr;O.Lexer=fe;O.lexer=fe.lex;O.Tokenizer=it;O.Hooks=Ht;O.parse=O;var fu=O.options,gu=O.setOptions,mu=O.walkTokens,bu=O.parseInline;var yu=ge.parse,ku=fe.lex;var Dl=["p","br","strong","em","del","code","pre","blockquote","ul","ol","li","h1","h2","h3","h4","h5","h6","a","hr","table","thead","tbody","tr","th","td"];function wt(r){let e=O.parse(r,{async:!1,gfm:!0,breaks:!0});return gi.sanitize(e,{ALLOWED_TAGS:Dl,ALLOWED_ATTR:["href","title"],ALLOWED_URI_REGEXP:/^(?:https?:|mailto:|#)/i})}var Ul=0,q=class extends Q{constructor(){super(...arguments);this.serverErrors=[];this.scopes=[];this.tagSuggestions=[];this.storage=null;this.busy=!1;this.heading="New note";this.submitLabel="Save note";this.allowFollowUp=!1;this.findAgents=null;this.knownAgents=[];this.errors=[];this.preview=!1;this.draftFields=null;this.tagText="";this.agents=new yn(this,()=>this.findAgents);this.openedAt=null;this.uid=`f${++Ul}`}connectedCallback(){super.connectedCallback();let t=this.storage?.loadDraft();t&&(this.draftFields=t.fields,this.openedAt=t.openedAt)}willUpdate(t){t.has("initial")&&this.initial&&(this.fields={...this.initial,...this.draftFields},this.draftFields=null),t.has("serverErrors")&&(this.errors=[...mn(this.fields),...this.serverErrors])}reset(t){this.fields=t,this.openedAt=null,this.errors=[],this.preview=!1,this.tagText="",this.storage?.saveDraft(null)}open(){this.openedAt===null&&(this.openedAt=Date.now(),this.persist())}persist(){this.storage?.saveDraft({fields:this.fields,openedAt:this.openedAt})}change(t,n){this.open(),this.fields={...this.fields,[t]:n};let s=mn(this.fields);this.errors=[...this.errors.filter(i=>i.code!=="TOO_LONG"||i.field!==t),...s.filter(i=>i.field===t)],this.persist()}addTag(){let t=ze(`${this.fields.tags},${this.tagText}`);this.tagText="",this.change("tags",t.join(", "))}removeTag(t){this.change("tags",ze(this.fields.tags).filter(n=>n!==t).join(", "))}onTagKey(t){(t.key==="Enter"||t.key===",")&&!t.ctrlKey&&!t.metaKey&&(t.preventDefault(),this.tagText.trim()&&this.addTag())}onKey(t){t.key==="Enter"&&(t.ctrlKey||t.metaKey)&&(t.preventDefault(),this.submit())}submit(){if(this.busy)return;this.tagText.trim()&&this.addTag();let t=mn(this.fields);if(this.fields.followUp&&!this.fields.dueAt&&t.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),this.fields.scope||t.push({field:"scope",code:"REQUIRED",message:"Choose a visibility."}),t.length){this.errors=t,this.focusFirstError();return}let n=this.openedAt===null?null:Math.max(0,Date.now()-this.openedAt);this.dispatchEvent(new CustomEvent("note-submit",{detail:{fields:this.fields,creationMs:n},bubbles:!0,composed:!0}))}async focusFirstError(){await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let t=this.fields,n=l=>`${this.uid}-${l}`,s=l=>Zs(this.errors,l),i=this.errors.filter(l=>!["subject","body","category","type","scope","importance","tags"].includes(l.field??"")&&!(l.field??"").startsWith("followUp")),a=ze(t.tags);return k`
      <form
        aria-label=${this.heading}
        aria-busy=${this.busy?"true":"false"}
        @keydown=${this.onKey}
        @focusin=${()=>this.open()}
        @submit=${l=>{l.preventDefault(),this.submit()}}
      >
        ${this.textInput(n("subject"),"Subject","subject",s("subject"))}
        <label for=${n("body")}>Note (markdown)</label>
        <textarea
          id=${n("body")}
          .value=${t.body}
          aria-invalid=${s("body")?"true":"false"}
          aria-describedby=${s("body")?`${n("body")}-error`:`${n("body")}-hint`}
          @input=${l=>this.change("body",l.target.value)}
        ></textarea>
        ${s("body")?tt(n("body"),s("body")):k`<p class="hint" id="${n("body")}-hint">
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
              ${mt(wt(t.body))}
            </section>`:$}
        <div class="row">
          <div>
            ${Lt(n("category"),"Category",t.category,dn,l=>this.change("category",l),s("category"))}
          </div>
          <div>
            ${Lt(n("type"),"Type",t.type,fn,l=>this.change("type",l),s("type"))}
          </div>
        </div>
        <div class="row">
          <div>
            ${Lt(n("scope"),"Visibility",t.scope,this.scopes,l=>this.change("scope",l),s("scope"))}
          </div>
          <div>
            ${Lt(n("importance"),"Importance",t.importance,Ds,l=>this.change("importance",l),s("importance"))}
          </div>
        </div>
        <label for=${n("tag")}>Tags</label>
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
            id=${n("tag")}
            type="text"
            list=${n("tag-options")}
            autocomplete="off"
            .value=${this.tagText}
            aria-invalid=${s("tags")?"true":"false"}
            aria-describedby=${s("tags")?`${n("tag")}-error`:$}
            @input=${l=>this.tagText=l.target.value}
            @keydown=${this.onTagKey}
          />
          <button type="button" class="fit" @click=${()=>this.addTag()}>Add</button>
        </div>
        <datalist id=${n("tag-options")}>
          ${this.tagSuggestions.filter(l=>!a.includes(l)).map(l=>k`<option value=${l}></option>`)}
        </datalist>
        ${tt(n("tag"),s("tags"))}
        <label class="check">
          <input
            type="checkbox"
            .checked=${t.pinned}
            @change=${l=>this.change("pinned",l.target.checked)}
          />
          Pin this note
        </label>
        ${this.allowFollowUp?this.followUp(n,s):$}
        ${i.map(l=>k`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
          <slot name="actions"></slot>
          ${this.busy?k`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:$}
        </div>
      </form>
    `}textInput(t,n,s,i){return k`
      <label for=${t}>${n}</label>
      <input
        id=${t}
        type="text"
        .value=${this.fields[s]}
        aria-invalid=${i?"true":"false"}
        aria-describedby=${i?`${t}-error`:$}
        @input=${a=>this.change(s,a.target.value)}
      />
      ${tt(t,i)}
    `}followUp(t,n){let s=this.fields;return k`
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
              aria-invalid=${n("followUp.assigneeId")?"true":"false"}
              aria-describedby=${n("followUp.assigneeId")?`${t("assignee")}-error`:$}
              @change=${i=>this.change("assigneeId",i.target.value)}
            >
              ${this.agents.choices(s.assigneeId,this.knownAgents).map(i=>k`<option value=${i.agentId} ?selected=${i.agentId===s.assigneeId}>
                  ${i.name}${i.agentId===this.knownAgents[0]?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${tt(t("assignee"),n("followUp.assigneeId"))}
            <label for=${t("due")}>Due</label>
            <input
              id=${t("due")}
              type="datetime-local"
              .value=${s.dueAt}
              aria-invalid=${n("followUp.dueAt")?"true":"false"}
              aria-describedby=${n("followUp.dueAt")?`${t("due")}-error`:$}
              @input=${i=>this.change("dueAt",i.target.value)}
            />
            ${tt(t("due"),n("followUp.dueAt"))}
            <label for=${t("instructions")}>Instructions</label>
            <input
              id=${t("instructions")}
              type="text"
              .value=${s.instructions}
              @input=${i=>this.change("instructions",i.target.value)}
            />
          </fieldset>`:$}
    `}};q.styles=ve,y([C({attribute:!1})],q.prototype,"initial",2),y([C({attribute:!1})],q.prototype,"serverErrors",2),y([C({attribute:!1})],q.prototype,"scopes",2),y([C({attribute:!1})],q.prototype,"tagSuggestions",2),y([C({attribute:!1})],q.prototype,"storage",2),y([C({type:Boolean})],q.prototype,"busy",2),y([C()],q.prototype,"heading",2),y([C()],q.prototype,"submitLabel",2),y([C({type:Boolean})],q.prototype,"allowFollowUp",2),y([C({attribute:!1})],q.prototype,"findAgents",2),y([C({attribute:!1})],q.prototype,"knownAgents",2),y([_()],q.prototype,"fields",2),y([_()],q.prototype,"errors",2),y([_()],q.prototype,"preview",2),y([_()],q.prototype,"tagText",2),q=y([$e("c360-note-form")],q);function Ui(r,e){let t={};for(let s of["subject","body","category","type","scope","importance"])e[s]!==r[s]&&(t[s]=e[s]);e.pinned!==r.pinned&&(t.pinned=e.pinned);let n=ze(e.tags);return n.join(`
`)!==r.tags.join(`
`)&&(t.tags=n),t}var zi=r=>`${new Date(r).toISOString().slice(0,16).replace("T"," ")} UTC`,V=class extends Q{constructor(){super(...arguments);this.scopes=[];this.tagSuggestions=[];this.canEdit=!1;this.canDelete=!1;this.mode="view";this.busy=!1;this.errors=[];this.history=[];this.mine=null;this.editing=null;this.theirs=null;this.message=""}emit(t,n={}){this.dispatchEvent(new CustomEvent(t,{detail:n,bubbles:!0,composed:!0}))}async run(t){this.busy=!0,this.message="";try{return await t()}catch(n){n instanceof oe&&this.emit("auth-needed"),this.message=n instanceof Error?n.message:String(n);return}finally{this.busy=!1}}async save(t,n){let s=Ui(t,n),i={id:t.id,expectedVersion:t.version,...s},a=await this.run(()=>this.client.request(Gs,{input:i},["updateNote"]));if(!a)return;let{note:l,errors:c}=a.data.updateNote;if(l)this.note=l,this.mode="view",this.errors=[],this.emit("note-changed",{note:l});else if(c.some(g=>g.code==="CONFLICT")){let g=await this.run(()=>this.client.request(Hs,{id:t.id}));this.mine=n,this.theirs=g?.data.note??null,this.mode="conflict"}else this.errors=c}async showHistory(){let t=await this.run(()=>this.client.request(Fs,{id:this.note.id}));this.history=Ue(t?.data.note?.history),this.mode="history"}async deleteNote(){let t=await this.run(()=>this.client.request(Ws,{input:{id:this.note.id}},["deleteNote"]));if(!t)return;let{errors:n}=t.data.deleteNote;n.length?this.message=n.map(s=>s.message).join(" "):this.emit("note-deleted",{note:this.note})}async reapply(){if(!this.mine||!this.theirs)return;let t={...fr(this.theirs)};for(let n of Object.keys(Ui(this.note,this.mine)))Object.assign(t,{[n]:this.mine[n]});await this.save(this.theirs,t),this.mode==="view"&&(this.mine=null,this.theirs=null)}edit(){this.editing=fr(this.note),this.errors=[],this.mode="edit"}keepTheirs(){this.theirs&&(this.note=this.theirs),this.mine=null,this.theirs=null,this.mode="view",this.emit("note-changed",{note:this.note})}render(){let t=this.note;return k`
      <article aria-labelledby="subject-${t.id}">
        <h3 id="subject-${t.id}">${t.pinned?k`<span aria-label="Pinned">📌 </span>`:$}${t.subject}</h3>
        <p class="hint">
          ${le(t.category)} · ${le(t.type)} · visible to ${le(t.scope)} ·
          ${le(t.importance)} importance · ${t.author?.name??t.authorId} · ${zi(t.createdAt)} · v${t.version}
        </p>
        ${t.tags.length?k`<ul class="chips" aria-label="Tags">${t.tags.map(n=>k`<li>${n}</li>`)}</ul>`:$}
        ${this.mode==="edit"?this.renderEdit():$}
        ${this.mode==="conflict"?this.renderConflict():$}
        ${this.mode==="view"||this.mode==="history"?k`<div class="markdown body">${mt(wt(t.body))}</div>`:$}
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
      @note-submit=${n=>{n.stopPropagation(),this.save(this.note,n.detail.fields)}}
    >
      <button slot="actions" type="button" @click=${()=>this.mode="view"}>Cancel</button>
    </c360-note-form>`}renderConflict(){let t=this.mine,n=this.theirs;return k`<section class="status warn" role="alert" aria-label="Edit conflict">
      <p>
        Someone saved this note while you were editing it${n?k` (now version ${n.version})`:$}. Compare and choose.
      </p>
      <div class="row">
        <section aria-label="Your version">
          <h4>Your version</h4>
          <p><strong>${t.subject}</strong></p>
          <div class="markdown">${mt(wt(t.body))}</div>
        </section>
        <section aria-label="Saved version">
          <h4>Saved version</h4>
          ${n?k`<p><strong>${n.subject}</strong></p>
                <div class="markdown">${mt(wt(n.body))}</div>`:k`<p>The note is no longer available.</p>`}
        </section>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy||!n} @click=${this.reapply}>
          Reapply my changes
        </button>
        <button type="button" ?disabled=${!n} @click=${this.keepTheirs}>Keep saved version</button>
      </div>
    </section>`}renderHistory(){return k`<section aria-label="History">
      <h4>History</h4>
      ${this.history.length?k`<ol>
            ${this.history.map(t=>k`<li>
                v${t.version} by ${t.editor?.name??t.editorId}, ${zi(t.editedAt)}:
                ${t.changes.map(n=>k`<div><em>${n.field}</em>: ${JSON.stringify(n.before)} → ${JSON.stringify(n.after)}</div>`)}
              </li>`)}
          </ol>`:k`<p class="hint">Not edited since it was written.</p>`}
    </section>`}};V.styles=ve,y([C({attribute:!1})],V.prototype,"note",2),y([C({attribute:!1})],V.prototype,"client",2),y([C({attribute:!1})],V.prototype,"scopes",2),y([C({attribute:!1})],V.prototype,"tagSuggestions",2),y([C({type:Boolean})],V.prototype,"canEdit",2),y([C({type:Boolean})],V.prototype,"canDelete",2),y([_()],V.prototype,"mode",2),y([_()],V.prototype,"busy",2),y([_()],V.prototype,"errors",2),y([_()],V.prototype,"history",2),y([_()],V.prototype,"mine",2),y([_()],V.prototype,"theirs",2),y([_()],V.prototype,"message",2),V=y([$e("c360-note-card")],V);var N=class extends Q{constructor(){super(...arguments);this.customerId="";this.scopes=[];this.pending=[];this.me=null;this.notes=[];this.customerTags=[];this.controlledTags=[];this.loading=!1;this.failure="";this.category="";this.type="";this.tag="";this.query="";this.searched="";this.deleted=[];this.notice="";this.total=0;this.next=null;this.loadingMore=!1;this.ticket=0}get tagSuggestions(){let t=[...this.controlledTags,...this.customerTags,...this.notes.flatMap(n=>n.tags)];return[...new Set(t)].sort()}connectedCallback(){super.connectedCallback(),this.load()}async load(){let t=++this.ticket;this.loading=!0,this.failure="";try{if(this.searched){let{data:n}=await this.client.request(gr,this.searchVariables(null),["searchNotes"]);if(t!==this.ticket)return;this.showPage(n.searchNotes,!1)}else{let{data:n}=await this.client.request(Us,this.listVariables(),["controlledTags"]);if(t!==this.ticket)return;this.showPage(n.customer?.notes??null,!1),this.customerTags=n.customer?.tags?Ue(n.customer.tags):this.customerTags,this.controlledTags=n.controlledTags.map(s=>s.tag),n.customer||(this.failure="This customer is not available to you.")}this.dispatchEvent(new CustomEvent("notes-loaded",{bubbles:!0,composed:!0}))}catch(n){n instanceof oe&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`Notes could not be loaded: ${n instanceof Error?n.message:n}`}finally{t===this.ticket&&(this.loading=!1)}}noteFilter(){return{category:this.category||null,type:this.type||null,tags:this.tag?[this.tag]:null}}listVariables(){return{id:this.customerId,filter:this.noteFilter(),first:25}}searchVariables(t){return{query:this.searched,filter:{...this.noteFilter(),customerId:this.customerId},first:25,after:t}}showPage(t,n){let s=Ue(t);this.notes=n?[...this.notes,...s.filter(i=>!this.notes.some(a=>a.id===i.id))]:s,this.total=t?.totalCount??this.notes.length,this.next=t?.pageInfo?.hasNextPage?t.pageInfo.endCursor:null}async loadMore(){let t=this.next;if(!t||this.loadingMore)return;let n=this.ticket;this.loadingMore=!0,this.failure="";try{if(this.searched){let{data:i}=await this.client.request(gr,this.searchVariables(t),["searchNotes"]);if(n!==this.ticket)return;this.showPage(i.searchNotes,!0)}else{let{data:i}=await this.client.request(zs,{...this.listVariables(),after:t});if(n!==this.ticket)return;this.showPage(i.customer?.notes??null,!0)}await this.updateComplete,(this.renderRoot.querySelector("#load-more")??this.renderRoot.querySelector("ul.notes"))?.focus()}catch(s){s instanceof oe&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More notes could not be loaded: ${s instanceof Error?s.message:s}`}finally{this.loadingMore=!1}}async restore(t){try{let{data:n}=await this.client.request(Ys,{input:{id:t.id}},["restoreNote"]);n.restoreNote.note?(this.deleted=this.deleted.filter(s=>s.id!==t.id),this.notice=`Restored “${t.subject}”.`,await this.load()):this.notice=n.restoreNote.errors.map(s=>s.message).join(" ")}catch(n){this.notice=`Restore failed: ${n instanceof Error?n.message:n}`}}filterSelect(t,n,s,i,a,l=!0){return k`<div>
      <label for=${t}>${n}</label>
      <select id=${t} @change=${c=>{a(c.target.value),this.load()}}>
        <option value="" ?selected=${s===""}>All</option>
        ${i.map(c=>k`<option value=${c} ?selected=${c===s}>${l?le(c):c}</option>`)}
      </select>
    </div>`}render(){return k`
      <section aria-label="Notes">
        <form role="search" aria-label="Search notes" @submit=${t=>{t.preventDefault(),this.searched=this.query.trim(),this.load()}}>
          <label for="search">Search notes</label>
          <div class="row">
            <input id="search" type="search" .value=${this.query}
              @input=${t=>this.query=t.target.value} />
            <button type="submit" class="fit">Search</button>
            ${this.searched?k`<button type="button" class="fit" @click=${()=>{this.query="",this.searched="",this.load()}}>Clear</button>`:$}
          </div>
        </form>
        <div class="row">
          ${this.filterSelect("filter-category","Category",this.category,dn,t=>this.category=t)}
          ${this.filterSelect("filter-type","Type",this.type,fn,t=>this.type=t)}
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
          ${this.loading?k`<span class="spinner" aria-hidden="true"></span> Loading notes…`:`${this.next?`${this.notes.length} of ${this.total}`:this.total} note${this.total===1?"":"s"}${this.searched?` matching “${this.searched}”`:""}`}
        </p>
        <ul class="notes" aria-label="Notes list" tabindex="-1">
          ${this.notes.map(t=>k`<li>
              <c360-note-card
                .note=${t}
                .client=${this.client}
                .scopes=${this.scopes}
                .tagSuggestions=${this.tagSuggestions}
                ?canEdit=${dr(this.me,"edit",t)}
                ?canDelete=${dr(this.me,"delete",t)}
                @note-changed=${()=>{this.load()}}
                @note-deleted=${n=>{this.deleted=[...this.deleted,n.detail.note],this.notice="",this.load()}}
              ></c360-note-card>
            </li>`)}
        </ul>
        ${this.next?k`<button type="button" id="load-more" ?disabled=${this.loadingMore}
              aria-describedby="notes-shown" @click=${()=>{this.loadMore()}}>
              ${this.loadingMore?"Loading more notes…":`Load more notes (${this.total-this.notes.length} more)`}
            </button>
            <span id="notes-shown" class="hint">${this.notes.length} of ${this.total} shown</span>`:$}
      </section>
    `}renderPending(){return this.pending.length?k`<section class="status warn" aria-label="Waiting to send">
      <p>
        ${this.pending.length} note${this.pending.length===1?"":"s"} waiting for the
        gateway; kept on this device and retried automatically.
      </p>
      <ul>
        ${this.pending.map(t=>k`<li>${String(t.input.subject??"")}
          (${t.attempts} ${t.attempts===1?"retry":"retries"})</li>`)}
      </ul>
    </section>`:$}};N.styles=ve,y([C({attribute:!1})],N.prototype,"client",2),y([C()],N.prototype,"customerId",2),y([C({attribute:!1})],N.prototype,"scopes",2),y([C({attribute:!1})],N.prototype,"pending",2),y([C({attribute:!1})],N.prototype,"me",2),y([_()],N.prototype,"notes",2),y([_()],N.prototype,"customerTags",2),y([_()],N.prototype,"controlledTags",2),y([_()],N.prototype,"loading",2),y([_()],N.prototype,"failure",2),y([_()],N.prototype,"category",2),y([_()],N.prototype,"type",2),y([_()],N.prototype,"tag",2),y([_()],N.prototype,"query",2),y([_()],N.prototype,"searched",2),y([_()],N.prototype,"deleted",2),y([_()],N.prototype,"notice",2),y([_()],N.prototype,"total",2),y([_()],N.prototype,"next",2),y([_()],N.prototype,"loadingMore",2),N=y([$e("c360-notes-panel")],N);var Fr=[1e3,2e3,4e3,8e3,15e3];async function jr(r,e){try{let{data:t,errors:n}=await r.request(Bs,{input:e},["createNote"]),s=t.createNote;return s.note?{kind:"saved",note:s.note}:s.errors.length?{kind:"invalid",errors:s.errors}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:n.map(a=>a.message).join("; ")||"the note was not saved"}]}}catch(t){return t instanceof oe?{kind:"auth"}:t instanceof et?{kind:"offline",reason:t.message}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:t instanceof Error?t.message:String(t)}]}}}var Rn=class{constructor(e,t,n){this.storage=e;this.client=t;this.events=n;this.flushing=!1;this.online=()=>{this.flush()}}get items(){return this.storage.pending()}start(){window.addEventListener("online",this.online),this.items.length&&this.schedule(0)}stop(){window.removeEventListener("online",this.online),window.clearTimeout(this.timer)}add(e){let t=`${Date.now().toString(36)}-${Math.random().toString(36).slice(2,8)}`;this.storage.savePending([...this.items,{key:t,input:e,queuedAt:Date.now(),attempts:0}]),this.events.changed(),this.schedule(Fr[0])}discard(e){this.storage.savePending(this.items.filter(t=>t.key!==e)),this.events.changed()}schedule(e){window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>{this.flush()},e)}async flush(){if(!this.flushing){this.flushing=!0;try{for(let e of this.items){let t=await jr(this.client,e.input);if(t.kind==="offline"){let n=e.attempts+1;this.storage.savePending(this.items.map(s=>s.key===e.key?{...s,attempts:n}:s)),this.events.changed(),this.schedule(Fr[Math.min(n,Fr.length-1)]);return}if(t.kind==="auth"){this.events.authNeeded();return}this.storage.savePending(this.items.filter(n=>n.key!==e.key)),t.kind==="saved"?this.events.saved(t.note):this.events.rejected(e,t.errors),this.events.changed()}}finally{this.flushing=!1}}}};var zl="c360-notes";function Fi(r){try{let e=localStorage.getItem(r);return e===null?null:JSON.parse(e)}catch{return null}}function ji(r,e){try{return e===null?localStorage.removeItem(r):localStorage.setItem(r,JSON.stringify(e)),!0}catch{return!1}}var Cn=class{constructor(e){this.customerId=e}key(e){return`${zl}:${e}:${this.customerId}`}loadDraft(){return Fi(this.key("draft"))}saveDraft(e){return ji(this.key("draft"),e)}pending(){return Fi(this.key("pending"))??[]}savePending(e){ji(this.key("pending"),e.length?e:null)}};function Hl(){let r=crypto.getRandomValues(new Uint8Array(16));return Array.from(r,e=>e.toString(16).padStart(2,"0")).join("")}function Fl(r,e,t){return{idempotencyKey:Hl(),customerId:r,subject:e.subject,body:e.body,category:e.category,type:e.type,scope:e.scope,importance:e.importance,pinned:e.pinned,tags:ze(e.tags),creationMs:t,followUp:e.followUp?{assigneeId:e.assigneeId,dueAt:new Date(e.dueAt).toISOString(),instructions:e.instructions||null}:null}}var te=class extends Q{constructor(){super(...arguments);this.customerId="";this.endpoint="/graphql";this.token="";this.me=null;this.tab="notes";this.status="";this.warn=!1;this.busy=!1;this.createErrors=[];this.pending=[];this.waitingForToken=!1;this.resubmit=!1;this.client=new Ot(this.endpoint,()=>this.token);this.storage=null;this.queue=null;this.blank=null;this.findAgents=async t=>{let{data:n}=await this.client.request(qs,{query:t||null});return n.agents?.edges.map(s=>s.node)??[]}}connectedCallback(){super.connectedCallback(),this.init()}init(){this.queue?.stop(),this.client=new Ot(this.endpoint,()=>this.token),this.storage=new Cn(this.customerId),this.queue=new Rn(this.storage,this.client,{saved:t=>{this.say(`Saved “${t.subject}” (it was waiting for the gateway).`),this.panel?.load()},rejected:(t,n)=>this.say(`A waiting note was refused: ${n.map(s=>s.message).join(" ")}`,!0),authNeeded:()=>this.requestToken(),changed:()=>this.pending=this.queue?.items??[]}),this.pending=this.queue.items}disconnectedCallback(){super.disconnectedCallback(),this.queue?.stop()}willUpdate(t){let n=["customerId","endpoint"].some(s=>t.get(s)!==void 0);this.isConnected&&n&&(this.init(),this.me&&this.queue?.start())}updated(t){t.has("token")&&this.token&&this.start()}blankFields(t){return(this.blank?.scope!==t||this.blank.assigneeId!==this.me?.subject)&&(this.blank=gn(t,this.me?.subject??"")),this.blank}get form(){return this.renderRoot.querySelector("c360-note-form")}get panel(){return this.renderRoot.querySelector("c360-notes-panel")}say(t,n=!1){this.status=t,this.warn=n}async start(){let t=this.waitingForToken;if(this.waitingForToken=!1,!(this.me&&!t)){try{this.me=(await this.client.request(Ms,{},["me"])).data.me}catch(n){if(n instanceof oe)return this.requestToken();let s=n instanceof Error?n.message:String(n);this.say(`The notes service is unreachable (${s}); trying again…`,!0),window.setTimeout(()=>{this.start()},3e3);return}this.queue?.start(),t&&(this.say("Signed in again."),this.panel?.load(),this.resubmit&&(this.resubmit=!1,await this.updateComplete,this.form?.submit()))}}requestToken(){this.waitingForToken||(this.waitingForToken=!0,this.say("Your session has expired. Your draft is kept; waiting for a new sign-in…",!0),this.dispatchEvent(new CustomEvent("token-expired",{detail:{customerId:this.customerId},bubbles:!0,composed:!0})))}async onSubmit(t){if(this.busy||!this.queue)return;let{fields:n,creationMs:s}=t.detail,i=Fl(bn(this.customerId),n,s);this.busy=!0,this.say("");let a=await jr(this.client,i);this.busy=!1;let l=gn(n.scope,this.me?.subject??"");switch(a.kind){case"saved":this.createErrors=[],this.form?.reset(l),this.say(`Saved “${a.note.subject}”.`),this.dispatchEvent(new CustomEvent("note-saved",{detail:{note:a.note,creationMs:s},bubbles:!0,composed:!0})),this.panel?.load();return;case"invalid":this.createErrors=a.errors,this.say("The note was not saved: see the highlighted fields.",!0),this.form?.focusFirstError();return;case"offline":this.queue.add(i),this.form?.reset(l),this.say("The gateway is unreachable. Your note is kept and will be sent automatically.",!0);return;case"auth":this.resubmit=!0,this.requestToken();return}}selectTab(t,n=!1){this.tab=t,n&&this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${t}`)?.focus())}onTabKey(t){["ArrowLeft","ArrowRight","Home","End"].includes(t.key)&&(t.preventDefault(),this.selectTab(this.tab==="notes"?"activity":"notes",!0))}render(){let t=this.me?.permissions.writableScopes??[],n=(s,i)=>k`<button
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
        ${this.me?this.renderTabs(n,t):k`<p class="hint">Connecting to the notes service…</p>`}
      </section>
    `}renderTabs(t,n){let s=n.includes("INTERNAL")?"INTERNAL":n[0]??"";return k`
      <div role="tablist" aria-label="Sidebar sections">
        ${t("notes","Notes")} ${t("activity","Interactions & follow-ups")}
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab!=="notes"}>
        ${n.length?hr(this.customerId,k`<c360-note-form
              .initial=${this.blankFields(s)}
              .scopes=${n}
              .storage=${this.storage}
              .serverErrors=${this.createErrors}
              .tagSuggestions=${this.panel?.tagSuggestions??[]}
              ?busy=${this.busy}
              allowFollowUp
              .findAgents=${this.findAgents}
              .knownAgents=${this.me?.agent?[this.me.agent]:[]}
              @note-submit=${this.onSubmit}
            ></c360-note-form>`):k`<p class="hint">You can read this customer's notes but not write them.</p>`}
        ${hr(this.customerId,k`<c360-notes-panel
          .client=${this.client}
          .customerId=${bn(this.customerId)}
          .scopes=${n}
          .pending=${this.pending}
          .me=${this.me}
          @auth-needed=${()=>this.requestToken()}
          @notes-loaded=${()=>this.requestUpdate()}
        ></c360-notes-panel>`)}
      </div>
      <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" ?hidden=${this.tab!=="activity"}>
        ${this.tab==="activity"?k`<c360-activity .client=${this.client} .customerId=${bn(this.customerId)}></c360-activity>`:$}
      </div>
    `}};te.styles=ve,y([C({attribute:"customer-id"})],te.prototype,"customerId",2),y([C()],te.prototype,"endpoint",2),y([C({attribute:!1})],te.prototype,"token",2),y([_()],te.prototype,"me",2),y([_()],te.prototype,"tab",2),y([_()],te.prototype,"status",2),y([_()],te.prototype,"warn",2),y([_()],te.prototype,"busy",2),y([_()],te.prototype,"createErrors",2),y([_()],te.prototype,"pending",2),te=y([$e("customer-notes")],te);
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
